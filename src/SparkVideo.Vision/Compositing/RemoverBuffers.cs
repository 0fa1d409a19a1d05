using OpenCvSharp;

namespace SparkVideo.Vision;

/// <summary>One caller's reusable images for <see cref="BackgroundRemover"/>; pooled, never shared between threads.</summary>
internal sealed class RemoverBuffers : IDisposable
{
    public Mat Mask { get; } = new();

    public Mat FrameMask { get; } = new();

    public Mat Output { get; } = new();

    public CompositeScratch Scratch { get; } = new();

    public ModeScratch Modes { get; } = new();

    public void Dispose()
    {
        Mask.Dispose();
        FrameMask.Dispose();
        Output.Dispose();
        Scratch.Dispose();
        Modes.Dispose();
    }
}
