using System.Reflection;

namespace WorkerStandIn.Serialization;

/// <summary>
/// The driver's side: describes a delegate as Microsoft.Spark's UDF serializer does. Every field of the target's
/// type is taken — instance and static, public and non-public — except those marked <c>[NonSerialized]</c>; a
/// target that has a field of its own type (the compiler's singleton for non-capturing lambdas) is sent without
/// fields.
/// </summary>
public static class UdfDescriber
{
    public const BindingFlags AllFields = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    public static UdfDescription Describe(Delegate udf)
    {
        ArgumentNullException.ThrowIfNull(udf);
        var method = udf.Method;
        return new UdfDescription
        {
            DeclaringType = TypeDescription.Of(method.DeclaringType ?? throw new ArgumentException("a delegate without a declaring type", nameof(udf))),
            MethodName = method.Name,
            Target = udf.Target is { } target ? DescribeTarget(target) : null,
        };
    }

    private static TargetDescription DescribeTarget(object target)
    {
        var type = target.GetType();
        var fields = type.GetFields(AllFields)
            .Where(field => !field.IsDefined(typeof(NonSerializedAttribute)))
            .Select(field => new FieldDescription
            {
                Type = TypeDescription.Of(field.FieldType),
                Name = field.Name,
                Value = field.GetValue(field.IsStatic ? null : target),
            })
            .ToArray();
        var isCompilerSingleton = fields.Any(field => field.Type.Name == type.FullName);
        return new TargetDescription { Type = TypeDescription.Of(type), Fields = isCompilerSingleton ? null : fields };
    }
}
