namespace SparkVideo.Job.Processing;

/// <summary>
/// What the UDFs need to know, as plain serializable values: on real Spark this record travels inside the
/// UDF closures to every worker process; the segmenter itself never does.
/// </summary>
public sealed record ProcessingSettings
{
    /// <summary>Output directory as the user gave it; used in the output_path column.</summary>
    public required string OutputDir { get; init; }

    /// <summary>The same directory made absolute against the driver's working directory.</summary>
    public required string OutputDirFullPath { get; init; }

    public required string Model { get; init; }
    public string? ModelPath { get; init; }
    public float? Threshold { get; init; }
    public int JpegQuality { get; init; }
    public int IntraOpThreads { get; init; }
    public int StatsIntervalSeconds { get; init; }

    public static ProcessingSettings From(JobOptions options) => new()
    {
        OutputDir = options.OutputDir,
        OutputDirFullPath = Path.GetFullPath(options.OutputDir),
        Model = options.Model,
        ModelPath = options.ModelPath is null ? null : Path.GetFullPath(options.ModelPath),
        Threshold = options.Threshold,
        JpegQuality = options.JpegQuality,
        IntraOpThreads = options.IntraOpThreads,
        StatsIntervalSeconds = options.StatsIntervalSeconds,
    };

    public string RejectsLogPath => Path.Combine(OutputDirFullPath, "rejects.log");
}
