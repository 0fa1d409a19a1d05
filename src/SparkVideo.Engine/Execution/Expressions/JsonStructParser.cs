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
/// Text that is not a JSON object and an object with a field that does not fit are malformed records: when the
/// schema has a STRING field named <c>_corrupt_record</c> (Spark's <c>spark.sql.columnNameOfCorruptRecord</c>),
/// the whole text goes there, so the query can tell why a line gave no value without parsing it again.
/// </summary>
internal sealed class JsonStructParser
{
    public const string CorruptRecordField = "_corrupt_record";

    private readonly StructType _schema;
    private readonly int _corruptRecordIndex;

    public JsonStructParser(StructType schema)
    {
        _schema = schema;
        _corruptRecordIndex = schema.Fields.FindIndex(f => f.Name == CorruptRecordField);
        if (_corruptRecordIndex >= 0 && schema.Fields[_corruptRecordIndex] is not { DataType: StringType, IsNullable: true })
        {
            throw new AnalysisException($"The field for corrupt records must be string type and nullable: {CorruptRecordField}.");
        }
    }

    public object?[] Parse(string json)
    {
        var result = new object?[_schema.Fields.Count];
        bool wellFormed;
        try
        {
            using var reader = CreateReader(json);
            if (!reader.Read())
            {
                return result; // empty text: no record, nothing malformed
            }
            wellFormed = reader.TokenType == JsonToken.StartObject && ReadObjectInto(reader, _schema, result, _corruptRecordIndex);
        }
        catch (JsonException)
        {
            // A syntax error leaves no trustworthy partial result: Spark returns a row of nulls.
            Array.Clear(result);
            wellFormed = false;
        }
        if (!wellFormed && _corruptRecordIndex >= 0)
        {
            result[_corruptRecordIndex] = json;
        }
        return result;
    }

    private static JsonTextReader CreateReader(string json) => new(new StringReader(json))
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        MaxDepth = 64,
        ArrayPool = SharedJsonCharPool.Instance,
    };

    /// <summary>Reads an object's fields into <paramref name="target"/>; false when one of them did not fit its type.</summary>
    private static bool ReadObjectInto(JsonTextReader reader, StructType type, object?[] target, int skippedIndex = -1)
    {
        bool allFit = true;
        while (reader.Read() && reader.TokenType != JsonToken.EndObject)
        {
            if (reader.TokenType != JsonToken.PropertyName)
            {
                throw new JsonReaderException("expected a property name");
            }
            // Spark matches JSON keys to schema fields case-sensitively; the corrupt-record field is never read.
            int index = type.Fields.FindIndex(f => f.Name == (string)reader.Value!);
            if (!reader.Read())
            {
                throw new JsonReaderException("unexpected end after a property name");
            }
            if (index < 0 || index == skippedIndex)
            {
                reader.Skip();
                continue;
            }
            target[index] = ReadValue(reader, type.Fields[index].DataType, out bool fits, ref allFit);
            if (!fits)
            {
                reader.Skip();
                target[index] = null;
                allFit = false;
            }
        }
        if (reader.TokenType != JsonToken.EndObject)
        {
            throw new JsonReaderException("unterminated object");
        }
        return allFit;
    }

    /// <summary>
    /// Reads the value at the reader; fits=false when it cannot become the wanted type. A nested object keeps the
    /// fields that fit and clears <paramref name="allFit"/> when one did not.
    /// </summary>
    private static object? ReadValue(JsonTextReader reader, DataType type, out bool fits, ref bool allFit)
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
                allFit &= ReadObjectInto(reader, nested, values);
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
