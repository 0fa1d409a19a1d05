using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>
/// Converts one JSON text into a struct value (object?[]) following Spark 3.5 from_json PERMISSIVE rules:
/// blank text (no JSON token at all) gives a null struct; text that is not a JSON object gives a struct whose fields
/// are all null; a field whose value does not fit its type is null while the other fields keep their values;
/// missing fields are null; unknown fields are ignored.
/// Text that is not a JSON object and an object with a field that does not fit are malformed records: when the
/// schema has a STRING field named <c>_corrupt_record</c> (Spark's <c>spark.sql.columnNameOfCorruptRecord</c>),
/// the whole text goes there, so the query can tell why a line gave no value without parsing it again.
/// </summary>
internal sealed class JsonStructParser
{
    public const string CorruptRecordField = "_corrupt_record";

    /// <summary>Jackson 2.15's default StreamReadConstraints nesting limit (Spark 3.5); deeper text is malformed.</summary>
    private const int MaxNestingDepth = 1000;

    private const string JsonWhitespace = " \t\r\n";

    private readonly StructType _schema;
    private readonly int _corruptRecordIndex;

    public JsonStructParser(StructType schema)
    {
        _schema = schema;
        _corruptRecordIndex = schema.Fields.FindIndex(f => f.Name == CorruptRecordField);
        // Spark makes the schema nullable before it checks this field, so only its type can be wrong.
        if (_corruptRecordIndex >= 0 && schema.Fields[_corruptRecordIndex].DataType is not StringType)
        {
            throw new AnalysisException("The field for corrupt records must be string type and nullable.");
        }
    }

    /// <summary>The struct's values, or null for text with no JSON token in it (empty or whitespace only).</summary>
    public object?[]? Parse(string json)
    {
        var result = new object?[_schema.Fields.Count];
        bool wellFormed;
        try
        {
            using var reader = CreateReader(json);
            if (!reader.Read())
            {
                // No token: blank text is no record at all (a null struct), but Jackson's whitespace is only these four.
                if (json.AsSpan().TrimStart(JsonWhitespace).IsEmpty)
                {
                    return null;
                }
                throw new JsonReaderException("a character that is not JSON whitespace");
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

    private static JsonTextReader CreateReader(string json) => new StrictReader(new StringReader(json))
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        MaxDepth = MaxNestingDepth,
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
                return token == JsonToken.String ? (string)reader.Value! : JacksonText.Copy(reader);
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
            "Infinity" or "+Infinity" or "+INF" => double.PositiveInfinity,
            "-Infinity" or "-INF" => double.NegativeInfinity,
            _ => null,
        },
        _ => null,
    };

    /// <summary>Newtonsoft's reader accepts comments; Spark's Jackson parser (allowComments=false) does not.</summary>
    private sealed class StrictReader(TextReader text) : JsonTextReader(text)
    {
        public override bool Read()
        {
            bool read = base.Read();
            if (read && TokenType == JsonToken.Comment)
            {
                throw new JsonReaderException("a comment, which JSON does not allow");
            }
            return read;
        }
    }
}
