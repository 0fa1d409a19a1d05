namespace SparkVideo.Vision.Segmentation;

/// <summary>How to load a <see cref="Segmenter"/>. Records compare by value, so equal options share one SharedSegmenter.</summary>
public sealed record SegmenterOptions
{
    public SegmentationModelKind Model { get; init; } = SegmentationModelKind.General;

    /// <summary>An explicit .onnx path; null means the shipped model for <see cref="Model"/> (see <see cref="ModelLocator"/>).</summary>
    public string? ModelPath { get; init; }

    /// <summary>
    /// ONNX Runtime intra-op threads per inference; 0 keeps ORT's default (one per core). One by default: the job runs
    /// one inference per partition on every core, and more threads per inference would fight them for the cores.
    /// </summary>
    public int IntraOpThreads { get; init; } = DefaultIntraOpThreads;

    public const int DefaultIntraOpThreads = 1;
}
