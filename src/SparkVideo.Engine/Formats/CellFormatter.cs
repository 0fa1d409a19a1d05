using System.Globalization;

namespace SparkVideo.Engine.Formats;

/// <summary>
/// Spark 3.5's text of a cell for show() (ToPrettyString): Java number forms, a null as "NULL" (SPARK-43063; Spark 3.4
/// and earlier printed "null"), structs as "{a, b}" with their null fields as "NULL" too.
/// </summary>
internal static class CellFormatter
{
    public static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => s,
        double d => JavaDoubleFormatter.Format(d),
        bool b => b ? "true" : "false",
        object?[] fields => "{" + string.Join(", ", fields.Select(Format)) + "}",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
