using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace WorkerStandIn.Serialization;

/// <summary>
/// The worker's side: turns a description back into a delegate. The target is created without running a
/// constructor and its fields are set by name (instance fields only, as the worker does); the delegate is bound to
/// the method by name, as a <c>Func&lt;…&gt;</c> of the method's parameter and return types.
/// </summary>
public static class UdfRebuilder
{
    private const BindingFlags AnyMember = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <param name="loadType">Finds a type by its description (the worker loads the assembly by file name).</param>
    public static Delegate Rebuild(UdfDescription description, Func<TypeDescription, Type> loadType)
    {
        var declaringType = loadType(description.DeclaringType);
        var method = declaringType.GetMethod(description.MethodName, AnyMember)
            ?? throw new MissingMethodException(declaringType.FullName, description.MethodName);
        var funcType = Expression.GetFuncType([.. method.GetParameters().Select(p => p.ParameterType), method.ReturnType]);
        if (description.Target is null)
        {
            return Delegate.CreateDelegate(funcType, method);
        }
        var targetType = loadType(description.Target.Type);
        var target = RuntimeHelpers.GetUninitializedObject(targetType);
        foreach (var field in description.Target.Fields ?? [])
        {
            var info = targetType.GetField(field.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                ?? throw new MissingFieldException(targetType.FullName, field.Name);
            info.SetValue(target, field.Value);
        }
        return Delegate.CreateDelegate(funcType, target, description.MethodName);
    }
}
