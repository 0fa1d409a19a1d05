using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Sql.Types;

/// <summary>The base of every Spark SQL data type, with Spark's type name, simple string and JSON forms.</summary>
public abstract class DataType
{
    private string? _typeName;

    /// <summary>The class name without "Type", lower-cased ("integer", "double", "struct"), as dotnet/spark normalises it.</summary>
    public string TypeName => _typeName ??= NormalizeTypeName(GetType().Name);

    /// <summary>Readable form of the type; complex types override it.</summary>
    public virtual string SimpleString => TypeName;

    /// <summary>The compact JSON form, properties sorted by name at every level as dotnet/spark emits it.</summary>
    public string Json
    {
        get
        {
            JToken value = JsonValue;
            object sorted = value is JObject obj ? SortProperties(obj) : value;
            return JsonConvert.SerializeObject(sorted, Formatting.None);
        }
    }

    internal virtual JToken JsonValue => new JValue(TypeName);

    /// <summary>Parses the JSON form of a data type ("double", {"type":"struct",...}).</summary>
    public static DataType ParseDataType(string json) => DataTypeJsonParser.Parse(JToken.Parse(json));

    public override bool Equals(object? obj) =>
        obj is DataType other && (ReferenceEquals(this, other) || SimpleString == other.SimpleString);

    public override int GetHashCode() => SimpleString.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => SimpleString;

    private static string NormalizeTypeName(string className) =>
        className[..^"Type".Length].ToLowerInvariant();

    private static JObject SortProperties(JObject obj)
    {
        var sorted = new JObject();
        foreach (JProperty property in obj.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            sorted.Add(property.Name, SortToken(property.Value));
        }
        return sorted;
    }

    private static JToken SortToken(JToken token) => token switch
    {
        JObject o => SortProperties(o),
        JArray a => new JArray(a.Select(SortToken)),
        _ => token,
    };
}
