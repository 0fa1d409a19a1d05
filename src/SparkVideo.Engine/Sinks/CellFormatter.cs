using System.Globalization;
using SparkVideo.Engine.Sql;

namespace SparkVideo.Engine.Sinks;

/// <summary>Spark's cast-to-string of a cell for show(): Java number forms, "null", structs as "{a, b}".</summary>
internal static class CellFormatter
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        double d => JavaDoubleFormatter.Format(d),
        float f => JavaDoubleFormatter.Format(f),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        DateTime t => FormatTimestamp(t),
        object?[] fields => "{" + string.Join(", ", fields.Select(Format)) + "}",
        Row row => "{" + string.Join(", ", row.Values.Select(Format)) + "}",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Session-local "yyyy-MM-dd HH:mm:ss[.ffffff]" with trailing zeros of the fraction removed.</summary>
    private static string FormatTimestamp(DateTime utc)
    {
        DateTime local = utc.Kind == DateTimeKind.Local ? utc : DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime();
        string text = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        long micros = local.Ticks % TimeSpan.TicksPerSecond / 10;
        return micros == 0 ? text : $"{text}.{micros.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0')}";
    }
}
