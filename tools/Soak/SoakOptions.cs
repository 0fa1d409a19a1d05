namespace SparkVideo.Soak;

/// <summary>Everything a soak run can be told.</summary>
public sealed record SoakOptions
{
    /// <summary>Lines sent in all, valid frames and bad lines together.</summary>
    public int Frames { get; init; } = 10_000;

    /// <summary>Share of the lines that are bad, in percent.</summary>
    public double BadPercent { get; init; } = 1;

    public int Seed { get; init; } = 42;

    /// <summary>Frames per second to send; 0 sends as fast as the job reads (TCP flow control paces it).</summary>
    public double Fps { get; init; }

    public required string VideoPath { get; init; }

    public required string JobDll { get; init; }

    /// <summary>Largest accepted difference between the first and last RSS windows, in percent of the first.</summary>
    public double MaxRssChangePercent { get; init; } = 10;

    /// <summary>Print the RSS windows without failing on them.</summary>
    public bool SkipMemoryCheck { get; init; }

    /// <summary>Give up when nothing new is written or rejected for this long.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public bool KeepOutput { get; init; }
}
