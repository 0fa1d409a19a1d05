using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Vision.Tests;

/// <summary>One general-model segmenter shared by a test class (session creation is the slow part).</summary>
public sealed class SegmenterFixture : IDisposable
{
    public Segmenter Segmenter { get; } = Segmenter.Load(new SegmenterOptions());

    public void Dispose() => Segmenter.Dispose();
}
