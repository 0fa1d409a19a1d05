using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>When micro-batches run: as fast as possible, on an interval grid, or once.</summary>
public sealed partial class Trigger
{
    private Trigger(TriggerKind kind, long intervalMs)
    {
        Kind = kind;
        IntervalMs = intervalMs;
    }

    internal TriggerKind Kind { get; }

    internal long IntervalMs { get; }

    /// <summary>Batches start on a grid of this interval; 0 means as soon as the previous batch ends.</summary>
    public static Trigger ProcessingTime(long intervalMs) => intervalMs >= 0
        ? new Trigger(TriggerKind.ProcessingTime, intervalMs)
        : throw new ArgumentException("Interval cannot be negative.", nameof(intervalMs));

    /// <summary>An interval such as "5 seconds", "100 milliseconds", "1 minute" or "interval 2 seconds".</summary>
    public static Trigger ProcessingTime(string interval) => ProcessingTime(ParseIntervalMs(interval));

    /// <summary>Process what is available, then stop.</summary>
    public static Trigger Once() => new(TriggerKind.Once, 0);

    /// <summary>Continuous processing; the engine does not support it and says so when the query starts.</summary>
    public static Trigger Continuous(long intervalMs) => new(TriggerKind.Continuous, intervalMs);

    public static Trigger Continuous(string interval) => Continuous(ParseIntervalMs(interval));

    internal static Trigger Default { get; } = new(TriggerKind.ProcessingTime, 0);

    private static long ParseIntervalMs(string interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        string text = interval.Trim();
        if (text.StartsWith("interval ", StringComparison.OrdinalIgnoreCase))
        {
            text = text["interval ".Length..].Trim();
        }
        double totalMs = 0;
        MatchCollection parts = IntervalPart().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)).Replace(" ", "", StringComparison.Ordinal) != text.Replace(" ", "", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid interval: {interval}", nameof(interval));
        }
        foreach (Match part in parts)
        {
            double amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            totalMs += amount * part.Groups[2].Value.ToLowerInvariant() switch
            {
                "ms" or "millisecond" or "milliseconds" => 1,
                "s" or "sec" or "second" or "seconds" => 1000,
                "min" or "minute" or "minutes" => 60_000,
                "h" or "hour" or "hours" => 3_600_000,
                "d" or "day" or "days" => 86_400_000,
                var unit => throw new ArgumentException($"Invalid interval unit '{unit}' in {interval}", nameof(interval)),
            };
        }
        return (long)totalMs;
    }

    [GeneratedRegex(@"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)")]
    private static partial Regex IntervalPart();
}

internal enum TriggerKind
{
    ProcessingTime,
    Once,
    Continuous,
}
