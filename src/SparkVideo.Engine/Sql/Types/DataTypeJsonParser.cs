using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Sql.Types;

/// <summary>Reads Spark's JSON type representation ("double", {"type":"struct","fields":[...]}).</summary>
internal static class DataTypeJsonParser
{
    public static DataType Parse(JToken json)
    {
        if (json is JObject obj)
        {
            string? type = (string?)obj["type"];
            if (type != "struct")
            {
                throw new ArgumentException($"Could not parse data type: {json.ToString(Newtonsoft.Json.Formatting.None)}");
            }
            JArray fields = obj["fields"] as JArray
                ?? throw new ArgumentException("A struct type JSON needs a \"fields\" array.");
            return new StructType(fields.Select(ParseField));
        }
        return ParseSimple((string?)json ?? "");
    }

    public static DataType ParseSimple(string name) => name switch
    {
        "string" => new StringType(),
        "double" => new DoubleType(),
        "float" => new FloatType(),
        "integer" => new IntegerType(),
        "long" => new LongType(),
        "boolean" => new BooleanType(),
        "timestamp" => new TimestampType(),
        "null" => new NullType(),
        _ => throw new ArgumentException($"Could not parse data type: {name} (the engine supports " +
            "string, double, float, integer, long, boolean, timestamp, null and struct)"),
    };

    private static StructField ParseField(JToken token)
    {
        if (token is not JObject field)
        {
            throw new ArgumentException("Each struct field must be a JSON object.");
        }
        string name = (string?)field["name"] ?? throw new ArgumentException("A struct field needs a \"name\".");
        JToken type = field["type"] ?? throw new ArgumentException($"Struct field {name} needs a \"type\".");
        bool nullable = (bool?)field["nullable"] ?? true;
        return new StructField(name, Parse(type), nullable, field["metadata"] as JObject);
    }
}
