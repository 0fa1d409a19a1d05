namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>One run of the whole pipeline: the camera server's rate and frame count, the job's parallelism.</summary>
public sealed record PipelineSettings
{
    /// <summary>Camera frames per second; 0 = as fast as the job reads (backpressure, no drops).</summary>
    public double CameraFps { get; init; }

    /// <summary>Frames the camera sends in total (--max-frames).</summary>
    public int Frames { get; init; } = 1000;

    public int Width { get; init; } = 640;
    public int Height { get; init; } = 480;
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    public int IntraOpThreads { get; init; } = 1;
    public long TriggerIntervalMs { get; init; }

    /// <summary>Run the job's live view (on a free port); off by default, as it is not part of the pipeline's cost.</summary>
    public bool LiveView { get; init; }

    /// <summary>MJPEG viewers reading the live view's video for the whole run (needs <see cref="LiveView"/>).</summary>
    public int Viewers { get; init; }

    /// <summary>The job's --smoothing (0 = off): on, the one camera's frames run in one partition.</summary>
    public float Smoothing { get; init; }

    /// <summary>The job's --segmentation: one pass by default in the bench (<see cref="BenchSegmentation"/>).</summary>
    public string Segmentation { get; init; } = BenchSegmentation.OnePass;

    /// <summary>Extra environment variables for SparkJob (KEY=VALUE), for experiments such as allocator settings.</summary>
    public IReadOnlyList<string> JobEnvironment { get; init; } = [];

    /// <summary>Once the camera has sent everything, the run ends when no new file appears for this long.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Slowest rate assumed at --fps 0 when bounding the run's duration.</summary>
    public const double SlowestExpectedFps = 3;

    /// <summary>A hard bound on the whole run: twice the expected duration plus start-up.</summary>
    public TimeSpan MaxDuration => TimeSpan.FromSeconds(120 + 2.0 * Frames / (CameraFps > 0 ? CameraFps : SlowestExpectedFps));

    public string Describe() =>
        $"{Width}x{Height}, camera {(CameraFps == 0 ? "--fps 0 (unlimited)" : $"{CameraFps:0.##} FPS")}, {Frames} frames, --parallelism {Parallelism}, --intra-op-threads {IntraOpThreads}, --trigger-interval-ms {TriggerIntervalMs}" +
        (Smoothing > 0 ? $", --smoothing {Smoothing.ToString(CultureInfo.InvariantCulture)}" : "") +
        (LiveView ? $", live view with {Viewers} viewer{(Viewers == 1 ? "" : "s")}" : "") +
        (JobEnvironment.Count == 0 ? "" : $", job environment {string.Join(' ', JobEnvironment)}");
}
