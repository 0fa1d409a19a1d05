using System.Globalization;

namespace SparkVideo.Engine.Formats;

/// <summary>Spark's cast-to-string of a cell for show(): Java number forms, "null", structs as "{a, b}".</summary>
internal static class CellFormatter
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        double d => JavaDoubleFormatter.Format(d),
        bool b => b ? "true" : "false",
        object?[] fields => "{" + string.Join(", ", fields.Select(Format)) + "}",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
