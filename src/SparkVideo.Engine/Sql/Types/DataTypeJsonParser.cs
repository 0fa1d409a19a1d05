using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Sql.Types;

/// <summary>Reads Spark's JSON type representation ("double", {"type":"struct","fields":[...]}), properties in any order.</summary>
internal static class DataTypeJsonParser
{
    /// <summary>The schema of from_json: the JSON of a StructType, as <see cref="DataType.Json"/> writes it.</summary>
    public static StructType ParseSchema(string json)
    {
        JToken token;
        try
        {
            token = JToken.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The schema must be the JSON of a StructType (StructType.Json); the engine " +
                $"does not read DDL strings. Could not parse \"{json}\": {e.Message}", e);
        }
        return Parse(token) as StructType ?? throw new ArgumentException($"The schema JSON is not a struct: {json}");
    }

    private static DataType Parse(JToken json)
    {
        if (json is JObject obj)
        {
            if ((string?)obj["type"] != "struct")
            {
                throw new ArgumentException($"Could not parse data type: {json.ToString(Formatting.None)}");
            }
            JArray fields = obj["fields"] as JArray
                ?? throw new ArgumentException("A struct type JSON needs a \"fields\" array.");
            return new StructType(fields.Select(ParseField));
        }
        return (string?)json switch
        {
            "string" => new StringType(),
            "double" => new DoubleType(),
            "integer" => new IntegerType(),
            var name => throw new ArgumentException($"Could not parse data type: {name} (the engine supports " +
                "string, double, integer and struct)"),
        };
    }

    private static StructField ParseField(JToken token)
    {
        if (token is not JObject field)
        {
            throw new ArgumentException("Each struct field must be a JSON object.");
        }
        string name = (string?)field["name"] ?? throw new ArgumentException("A struct field needs a \"name\".");
        JToken type = field["type"] ?? throw new ArgumentException($"Struct field {name} needs a \"type\".");
        return new StructField(name, Parse(type), (bool?)field["nullable"] ?? true);
    }
}
