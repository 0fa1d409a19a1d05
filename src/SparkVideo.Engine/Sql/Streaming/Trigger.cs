namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>When micro-batches run: as soon as the previous one ends, or on an interval grid.</summary>
public sealed class Trigger
{
    private Trigger(long intervalMs) => IntervalMs = intervalMs;

    internal long IntervalMs { get; }

    /// <summary>Batches start on a grid of this interval; 0 means as soon as the previous batch ends.</summary>
    public static Trigger ProcessingTime(long intervalMs) => intervalMs >= 0
        ? new Trigger(intervalMs)
        : throw new ArgumentException("Interval cannot be negative.", nameof(intervalMs));

    internal static Trigger Default { get; } = new(0);
}
