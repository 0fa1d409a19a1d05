using SparkVideo.Frames;
using SparkVideo.Frames.Output;
using SparkVideo.Job.Retention;
using SparkVideo.LiveView;
using SparkVideo.LiveView.Access;
using SparkVideo.Processing;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Segmentation;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.Job;

/// <summary>Everything the job can be told on its command line, with the defaults a user expects.</summary>
internal sealed record JobOptions
{
    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = FrameContract.DefaultPort;

    /// <summary>The cameras of a multi-camera run (--camera); empty: the one camera at Host:Port.</summary>
    public IReadOnlyList<CameraEndpoint> Cameras { get; init; } = [];
    public string OutputDir { get; init; } = OutputLayout.DefaultOutputDir;

    /// <summary>As given, or <see cref="OutputLayout.CheckpointFor"/> the number of cameras when not given.</summary>
    public string CheckpointDir { get; init; } = OutputLayout.DefaultCheckpointDir;

    public SegmentationModelKind Model { get; init; } = SegmentationModelKind.General;
    public string? ModelPath { get; init; }

    /// <summary>Micro-batch trigger interval; 0 starts the next batch as soon as the previous one ends.</summary>
    public long TriggerIntervalMs { get; init; }

    /// <summary>Partitions the frames are spread over, so the UDF runs on every core or executor.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Spark master; null leaves it to spark-submit (real Spark) or local[*] (embedded engine).</summary>
    public string? Master { get; init; }

    public int NumRows { get; init; } = 20;

    /// <summary>The hard mask's cut (--threshold), null for the soft blend.</summary>
    public float? Threshold { get; init; } = MaskCut.DefaultThreshold;

    /// <summary>What replaces the background (--background), parsed on the driver: the image mode holds the picture's bytes.</summary>
    public BackgroundSpec Background { get; init; } = BackgroundSpec.Gray;

    /// <summary>How the mask's edges are refined (--edges).</summary>
    public EdgeRefinement Edges { get; init; } = EdgeRefinement.None;

    /// <summary>Find the people then segment each (the default), or one pass over the whole frame (--segmentation).</summary>
    public SegmentationMode Segmentation { get; init; } = SegmentationMode.People;

    /// <summary>With --segmentation people, the detector runs on one frame in this many per camera (--detect-every).</summary>
    public int DetectEvery { get; init; } = TemporalMaskOptions.DefaultDetectEvery;
    public float Smoothing { get; init; } = TemporalMaskOptions.DefaultSmoothing;
    public int MaskReuse { get; init; }
    public float MaskReuseThreshold { get; init; } = TemporalMaskOptions.DefaultReuseThreshold;
    public int JpegQuality { get; init; } = BackgroundRemovalOptions.DefaultJpegQuality;

    /// <summary>ONNX Runtime intra-op threads per inference; 1 keeps it from fighting the partitions for cores.</summary>
    public int IntraOpThreads { get; init; } = SegmenterOptions.DefaultIntraOpThreads;

    /// <summary>The frame contract's line cap, handed to the socket source.</summary>
    public int MaxLineBytes { get; init; } = FrameLimits.Default.MaxLineBytes;
    public int StatsIntervalSeconds { get; init; } = PipelineStats.DefaultIntervalSeconds;

    /// <summary>Cap on rejects.log and its rotated files together, in MiB.</summary>
    public int MaxRejectsLogMiB { get; init; } = ProcessingSettings.DefaultRejectsLogMaxMiB;

    /// <summary>First port the live view tries (the next 15 when taken); 0 turns it off.</summary>
    public int UiPort { get; init; } = LiveViewOptions.DefaultPort;
    public string UiHost { get; init; } = LiveViewOptions.DefaultHost;

    /// <summary>The camera server's MJPEG preview, shown beside the output on the live view.</summary>
    public string? CameraPreviewUrl { get; init; }

    /// <summary>Frames older than this many minutes are deleted from each output folder; null keeps them.</summary>
    public double? RetainMinutes { get; init; }

    /// <summary>Each output folder's frames are cut to this many GiB, oldest first; null keeps them.</summary>
    public double? RetainGiB { get; init; }

    public RetentionPolicy Retention => RetentionPolicy.From(RetainMinutes, RetainGiB);

    /// <summary>The folders frames are written to: the output directory, or each camera's folder in it.</summary>
    public IReadOnlyList<string> OutputFolders => Cameras.Count == 0
        ? [Path.GetFullPath(OutputDir)]
        : [.. Cameras.Select(camera => Path.GetFullPath(Path.Combine(OutputDir, camera.Name)))];

    /// <summary>A file holding the live view's token (checked by the command line before anything starts).</summary>
    public string? UiTokenFile { get; init; }

    /// <summary>The live view's settings, or null when it is off.</summary>
    public LiveViewOptions? ToLiveViewOptions() => UiPort == 0 ? null : new LiveViewOptions
    {
        Host = UiHost,
        Port = UiPort,
        CameraPreviewUrl = CameraPreviewUrl,
        Token = UiTokenFile is null ? null : AccessToken.TryRead(UiTokenFile, out var problem) ?? throw new IOException(problem),
        Cameras = [.. Cameras.Select(camera => camera.Name)],
        OutputDirectory = Path.GetFullPath(OutputDir),
        Settings =
        [
            new("background", Background.Describe()),
            new("threshold", MaskCut.Format(Threshold)),
            new("edges", Edges.ToString().ToLowerInvariant()),
            new("segmentation", Segmentation.ToString().ToLowerInvariant()),
        ],
    };

    /// <summary>What the UDFs need, resolved on the driver: paths made absolute against its working directory.</summary>
    public ProcessingSettings ToProcessingSettings() => new()
    {
        OutputDir = OutputDir,
        OutputDirFullPath = Path.GetFullPath(OutputDir),
        Model = Model,
        ModelPath = ModelPath is null ? null : Path.GetFullPath(ModelPath),
        Threshold = Threshold,
        Background = Background,
        Edges = Edges,
        Segmentation = Segmentation,
        DetectEvery = DetectEvery,
        JpegQuality = JpegQuality,
        IntraOpThreads = IntraOpThreads,
        StatsIntervalSeconds = StatsIntervalSeconds,
        RejectsLogMaxBytes = MaxRejectsLogMiB * 1024L * 1024,
        Smoothing = Smoothing,
        MaskReuseFrames = MaskReuse,
        MaskReuseThreshold = MaskReuseThreshold,
    };
}
