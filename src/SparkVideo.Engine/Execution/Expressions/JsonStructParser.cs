using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SparkVideo.Engine.Formats;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>
/// Converts one JSON text into a struct value (object?[]) following Spark 3.x from_json PERMISSIVE rules:
/// text that is not a JSON object gives a struct whose fields are all null; a field whose value does not fit its
/// type is null while the other fields keep their values; missing fields are null; unknown fields are ignored.
/// </summary>
internal sealed class JsonStructParser(StructType schema)
{
    public object?[] Parse(string json)
    {
        var result = new object?[schema.Fields.Count];
        try
        {
            using var reader = CreateReader(json);
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
            {
                return new object?[schema.Fields.Count];
            }
            ReadObjectInto(reader, schema, result);
            return result;
        }
        catch (JsonException)
        {
            // A syntax error leaves no trustworthy partial result: Spark returns a row of nulls.
            return new object?[schema.Fields.Count];
        }
    }

    private static JsonTextReader CreateReader(string json) => new(new StringReader(json))
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        MaxDepth = 64,
        ArrayPool = SharedJsonCharPool.Instance,
    };

    private static void ReadObjectInto(JsonTextReader reader, StructType type, object?[] target)
    {
        while (reader.Read() && reader.TokenType != JsonToken.EndObject)
        {
            if (reader.TokenType != JsonToken.PropertyName)
            {
                throw new JsonReaderException("expected a property name");
            }
            // Spark matches JSON keys to schema fields case-sensitively.
            int index = type.Fields.FindIndex(f => f.Name == (string)reader.Value!);
            if (!reader.Read())
            {
                throw new JsonReaderException("unexpected end after a property name");
            }
            if (index < 0)
            {
                reader.Skip();
                continue;
            }
            target[index] = ReadValue(reader, type.Fields[index].DataType, out bool fits);
            if (!fits)
            {
                reader.Skip();
                target[index] = null;
            }
        }
        if (reader.TokenType != JsonToken.EndObject)
        {
            throw new JsonReaderException("unterminated object");
        }
    }

    /// <summary>Reads the value at the reader; fits=false when it cannot become the wanted type.</summary>
    private static object? ReadValue(JsonTextReader reader, DataType type, out bool fits)
    {
        fits = true;
        JsonToken token = reader.TokenType;
        if (token == JsonToken.Null)
        {
            return null;
        }
        switch (type)
        {
            case StringType:
                return token switch
                {
                    JsonToken.String => (string)reader.Value!,
                    JsonToken.StartObject or JsonToken.StartArray => JToken.ReadFrom(reader).ToString(Formatting.None),
                    JsonToken.Boolean => (bool)reader.Value! ? "true" : "false",
                    JsonToken.Float => JavaDoubleFormatter.Format((double)reader.Value!),
                    _ => Convert.ToString(reader.Value, CultureInfo.InvariantCulture),
                };
            case DoubleType:
                if (ToDouble(reader) is { } d)
                {
                    return d;
                }
                break;
            case IntegerType when token == JsonToken.Integer:
                if (reader.Value is long l && l is >= int.MinValue and <= int.MaxValue)
                {
                    return (int)l;
                }
                break;
            case StructType nested when token == JsonToken.StartObject:
                var values = new object?[nested.Fields.Count];
                ReadObjectInto(reader, nested, values);
                return values;
        }
        fits = false;
        return null;
    }

    private static double? ToDouble(JsonTextReader reader) => reader.TokenType switch
    {
        JsonToken.Integer => reader.Value is BigInteger big ? (double)big : Convert.ToDouble(reader.Value, CultureInfo.InvariantCulture),
        JsonToken.Float => Convert.ToDouble(reader.Value, CultureInfo.InvariantCulture),
        // Spark accepts these spellings of the non-finite doubles inside JSON strings.
        JsonToken.String => (string)reader.Value! switch
        {
            "NaN" => double.NaN,
            "Infinity" or "+Infinity" or "INF" or "+INF" => double.PositiveInfinity,
            "-Infinity" or "-INF" => double.NegativeInfinity,
            _ => null,
        },
        _ => null,
    };
}
