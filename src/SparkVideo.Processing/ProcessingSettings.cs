using SparkVideo.Frames.Output;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Segmentation;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.Processing;

/// <summary>
/// What the UDFs need to know, and the only value their closures hold (see <see cref="FrameUdfs"/>). On real
/// Spark it travels inside each UDF to every worker process, where Microsoft.Spark reads it back with
/// MessagePack under a rule that accepts only standard types and types marked <c>[Serializable]</c>; so every
/// member is a string, a number, an enum or a [Serializable] record of those (the background mode, whose picture
/// travels as its bytes, read on the driver), and the segmenter itself never travels.
/// </summary>
[Serializable]
public sealed record ProcessingSettings
{
    /// <summary>Output directory as the user gave it; used in the output_path column.</summary>
    public required string OutputDir { get; init; }

    /// <summary>The same directory made absolute on the driver; a worker creates it when it is missing.</summary>
    public required string OutputDirFullPath { get; init; }

    public SegmentationModelKind Model { get; init; } = SegmentationModelKind.General;
    public string? ModelPath { get; init; }
    /// <summary>The hard mask's cut (--threshold), null for the soft blend.</summary>
    public float? Threshold { get; init; } = MaskCut.DefaultThreshold;
    public int JpegQuality { get; init; } = BackgroundRemovalOptions.DefaultJpegQuality;
    public int IntraOpThreads { get; init; } = SegmenterOptions.DefaultIntraOpThreads;
    public int StatsIntervalSeconds { get; init; } = PipelineStats.DefaultIntervalSeconds;

    /// <summary>What replaces the background (--background); the image mode carries its picture's bytes, at most 8 MiB.</summary>
    public BackgroundSpec Background { get; init; } = BackgroundSpec.Gray;

    /// <summary>How the mask's edges are refined (--edges).</summary>
    public EdgeRefinement Edges { get; init; } = EdgeRefinement.None;

    /// <summary>What the model is shown (--segmentation): each person found, or the whole frame.</summary>
    public SegmentationMode Segmentation { get; init; } = SegmentationMode.People;

    /// <summary>With people segmentation, the person detector runs on one frame in this many per camera (--detect-every).</summary>
    public int DetectEvery { get; init; } = TemporalMaskOptions.DefaultDetectEvery;

    /// <summary>Cap on rejects.log and its rotated files together (default 32 MiB: 4 files of 8 MiB).</summary>
    public long RejectsLogMaxBytes { get; init; } = DefaultRejectsLogMaxMiB * 1024L * 1024;

    public const int DefaultRejectsLogMaxMiB = 32;

    /// <summary>Weight of a camera's mask history, in [0, 1); 0 = off (<see cref="TemporalMaskOptions.Smoothing"/>).</summary>
    public float Smoothing { get; init; } = TemporalMaskOptions.DefaultSmoothing;

    /// <summary>Frames in a row that may reuse the last segmented frame's mask; 0 = off.</summary>
    public int MaskReuseFrames { get; init; }

    /// <summary>The fingerprint difference below which a frame counts as unchanged, in gray levels.</summary>
    public float MaskReuseThreshold { get; init; } = TemporalMaskOptions.DefaultReuseThreshold;

    /// <summary>True when each camera's frames go through its per-camera mask state, so must stay in one partition.</summary>
    public bool UsesCameraState => TemporalMask().IsActive;

    /// <summary>A method, not a property: the settings travel as numbers, never as this object.</summary>
    public TemporalMaskOptions TemporalMask() => new()
    {
        Smoothing = Smoothing,
        MaskReuseFrames = MaskReuseFrames,
        ReuseThreshold = MaskReuseThreshold,
        DetectEvery = Segmentation == SegmentationMode.People ? DetectEvery : 1,
    };

    public string RejectsLogPath => OutputLayout.RejectsLogPath(OutputDirFullPath);
}
