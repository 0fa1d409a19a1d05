using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Sql.Types;

/// <summary>The base of every Spark SQL data type, with Spark's type name, simple string and JSON forms.</summary>
public abstract class DataType
{
    /// <summary>The class name without "Type", lower-cased ("integer", "double", "struct"), as dotnet/spark normalises it.</summary>
    internal string TypeName => GetType().Name[..^"Type".Length].ToLowerInvariant();

    /// <summary>Readable form of the type, used in error messages; StructType overrides it.</summary>
    internal virtual string SimpleString => TypeName;

    /// <summary>The compact JSON form, properties sorted by name at every level as dotnet/spark emits it.</summary>
    public string Json => JsonConvert.SerializeObject(Sorted(JsonValue), Formatting.None);

    internal virtual JToken JsonValue => new JValue(TypeName);

    private static JToken Sorted(JToken token) => token switch
    {
        JObject obj => new JObject(obj.Properties()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new JProperty(p.Name, Sorted(p.Value)))),
        JArray array => new JArray(array.Select(Sorted)),
        _ => token,
    };
}
