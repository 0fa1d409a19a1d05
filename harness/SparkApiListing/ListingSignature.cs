using System.Globalization;
using System.Reflection;

namespace SparkVideo.SparkApi;

/// <summary>
/// A reflected member written as the listing writes it (<c>static Microsoft.Spark.Sql.Column Col(string colName)</c>,
/// <c>ctor(...)</c>, <c>Type Name { get; }</c>, <c>op_Addition</c> for operators), so another assembly's members can be
/// looked up in the listing. <paramref name="mapNamespace"/> turns a namespace of that assembly into the package's.
/// </summary>
public static class ListingSignature
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(char)] = "char",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(string)] = "string",
        [typeof(object)] = "object",
        [typeof(void)] = "void",
    };

    /// <summary>The listing line of a constructor, method (operators included) or property; null for what the listing does not show (accessors).</summary>
    public static string? Of(MemberInfo member, Func<string, string> mapNamespace) => member switch
    {
        ConstructorInfo ctor => $"ctor({Parameters(ctor.GetParameters(), mapNamespace)})",
        MethodInfo { IsSpecialName: true } method when !method.Name.StartsWith("op_", StringComparison.Ordinal) => null,
        MethodInfo method => Method(method, mapNamespace),
        PropertyInfo property => Property(property, mapNamespace),
        FieldInfo { IsLiteral: true } field when field.DeclaringType!.IsEnum => field.Name,
        _ => $"(a {member.MemberType} the listing cannot show: {member.Name})",
    };

    /// <summary>The listing's name of a type: keywords for the built-in ones, System types by name, others fully qualified.</summary>
    public static string TypeName(Type type, Func<string, string> mapNamespace)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, mapNamespace);
        }
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, mapNamespace) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }
        if (type.IsGenericParameter)
        {
            return type.Name;
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, mapNamespace) + "?";
        }
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }
        var name = type.Name.Split('`')[0];
        if (type.IsGenericType)
        {
            name += "<" + string.Join(", ", type.GetGenericArguments().Select(a => TypeName(a, mapNamespace))) + ">";
        }
        var ns = type.Namespace ?? "";
        if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal))
        {
            return name;
        }
        var container = type.DeclaringType is { } outer ? TypeName(outer, mapNamespace) : mapNamespace(ns);
        return container + "." + name;
    }

    private static string Method(MethodInfo method, Func<string, string> mapNamespace)
    {
        var modifiers = method.IsStatic ? "static "
            : method.GetBaseDefinition().DeclaringType != method.DeclaringType ? "override "
            : method.IsVirtual && !method.IsFinal ? "virtual "
            : "";
        var typeParameters = method.IsGenericMethodDefinition
            ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">"
            : "";
        var constraints = method.IsGenericMethodDefinition
            ? string.Concat(method.GetGenericArguments().Select(a => Constraint(a, mapNamespace)))
            : "";
        return $"{modifiers}{TypeName(method.ReturnType, mapNamespace)} {method.Name}{typeParameters}({Parameters(method.GetParameters(), mapNamespace)}){constraints}";
    }

    private static string Property(PropertyInfo property, Func<string, string> mapNamespace)
    {
        var getter = property.GetMethod is { IsPublic: true } get ? get : null;
        var setter = property.SetMethod is { IsPublic: true } set ? set : null;
        var accessor = getter ?? setter!;
        var index = property.GetIndexParameters();
        var name = index.Length > 0 ? $"this[{Parameters(index, mapNamespace)}]" : property.Name;
        var accessors = (getter is null ? "" : " get;") + (setter is null ? "" : " set;");
        return $"{(accessor.IsStatic ? "static " : "")}{TypeName(property.PropertyType, mapNamespace)} {name} {{{accessors} }}";
    }

    private static string Parameters(ParameterInfo[] parameters, Func<string, string> mapNamespace) =>
        string.Join(", ", parameters.Select(p =>
            (p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "")
            + $"{TypeName(p.ParameterType, mapNamespace)} {p.Name}"
            + (p.HasDefaultValue ? " = " + DefaultValue(p.DefaultValue) : "")));

    private static string DefaultValue(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => $"\"{s}\"",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string Constraint(Type parameter, Func<string, string> mapNamespace)
    {
        var constraints = parameter.GetGenericParameterConstraints().Select(c => TypeName(c, mapNamespace)).ToList();
        return constraints.Count == 0 ? "" : $" where {parameter.Name} : {string.Join(", ", constraints)}";
    }
}
