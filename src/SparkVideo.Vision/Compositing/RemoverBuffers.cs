using OpenCvSharp;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Vision.Compositing;

/// <summary>One caller's reusable images for <see cref="BackgroundRemover"/>; pooled, never shared between threads.</summary>
internal sealed class RemoverBuffers : IDisposable
{
    /// <summary>The model-size probability mask (CV_32FC1) that <see cref="Segmenter.Segment"/> writes.</summary>
    public Mat Mask { get; } = new();

    /// <summary>The frame-size soft mask (CV_32FC1), for the modes and edge refinements that need it.</summary>
    public Mat FrameMask { get; } = new();

    /// <summary>The frame-size 8-bit α (CV_8UC1).</summary>
    public Mat FrameAlpha { get; } = new();

    public Mat Output { get; } = new();

    public CompositeScratch Scratch { get; } = new();

    public ModeScratch Modes { get; } = new();

    public void Dispose()
    {
        Mask.Dispose();
        FrameMask.Dispose();
        FrameAlpha.Dispose();
        Output.Dispose();
        Scratch.Dispose();
        Modes.Dispose();
    }
}
