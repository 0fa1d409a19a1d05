namespace SparkVideo.Soak.Cameras;

/// <summary>A soak of many cameras for a given time (--cameras).</summary>
public sealed record CameraSoakOptions
{
    public required int Cameras { get; init; }

    public required TimeSpan Duration { get; init; }

    public double Fps { get; init; } = 10;

    /// <summary>Time between two rows of the table.</summary>
    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromMinutes(1);

    public double? RetainMinutes { get; init; }

    public double? RetainGiB { get; init; }

    /// <summary>The folder the table is written to (soak-cameras.md and soak-cameras.csv), after every row.</summary>
    public required string ReportDirectory { get; init; }

    public required string VideoPath { get; init; }

    public required string JobDll { get; init; }

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Largest accepted change of RSS, fds and threads between the baseline and the last window, in percent.</summary>
    public double MaxChangePercent { get; init; } = 10;

    /// <summary>Report RSS, fds and threads without judging them (a short smoke run is all warm-up).</summary>
    public bool SkipFlatnessCheck { get; init; }

    public bool KeepOutput { get; init; }
}
