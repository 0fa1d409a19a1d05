using System.Globalization;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Tests.Support;

/// <summary>
/// One text for a struct value, to compare what the engine returned with what a vector expects: "[1, 2.5, 'x', null,
/// [3]]". Expected values are JSON (a double may be written as a number or as "NaN", "Infinity", "-Infinity").
/// </summary>
internal static class StructText
{
    public static string OfRow(Row? row, StructType type) =>
        row is null ? "null" : "[" + string.Join(", ", type.Fields.Select((f, i) => OfValue(row.Get(i), f.DataType))) + "]";

    public static string OfJson(JToken expected, StructType type)
    {
        if (expected.Type == JTokenType.Null)
        {
            return "null";
        }
        var values = (JArray)expected;
        if (values.Count != type.Fields.Count)
        {
            throw new FormatException($"expected {values.Count} values for {type.Fields.Count} fields");
        }
        return "[" + string.Join(", ", type.Fields.Select((f, i) => OfJsonValue(values[i], f.DataType))) + "]";
    }

    private static string OfValue(object? value, DataType type) => value switch
    {
        null => "null",
        Row nested => OfRow(nested, (StructType)type),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => "'" + s + "'",
        _ => throw new InvalidOperationException($"unexpected value {value} ({value.GetType().Name})"),
    };

    private static string OfJsonValue(JToken value, DataType type)
    {
        if (value.Type == JTokenType.Null)
        {
            return "null";
        }
        return type switch
        {
            StructType nested => OfJson(value, nested),
            DoubleType when value.Type == JTokenType.String => OfValue((string?)value switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var other => throw new FormatException($"not a double: {other}"),
            }, type),
            DoubleType => OfValue((double)value, type),
            IntegerType => OfValue((int)value, type),
            _ => OfValue((string?)value, type),
        };
    }
}
