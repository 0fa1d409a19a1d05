namespace WorkerStandIn.Serialization;

// The shape of what Microsoft.Spark sends for one UDF: the method's declaring type and name, and the target's
// type with every field as (type, name, value). The values are written with their runtime types (Typeless).

[Serializable]
public sealed class TypeDescription
{
    public string Name { get; set; } = "";
    public string AssemblyName { get; set; } = "";
    public string AssemblyFileName { get; set; } = "";

    public static TypeDescription Of(Type type) => new()
    {
        Name = type.FullName ?? type.Name,
        AssemblyName = type.Assembly.FullName ?? "",
        AssemblyFileName = Path.GetFileName(type.Assembly.Location),
    };
}

[Serializable]
public sealed class FieldDescription
{
    public TypeDescription Type { get; set; } = new();
    public string Name { get; set; } = "";
    public object? Value { get; set; }
}

[Serializable]
public sealed class TargetDescription
{
    public TypeDescription Type { get; set; } = new();

    /// <summary>Null when the target is a compiler singleton for a lambda that captures nothing.</summary>
    public FieldDescription[]? Fields { get; set; }
}

[Serializable]
public sealed class UdfDescription
{
    public TypeDescription DeclaringType { get; set; } = new();
    public string MethodName { get; set; } = "";

    /// <summary>Null for a static method.</summary>
    public TargetDescription? Target { get; set; }
}
