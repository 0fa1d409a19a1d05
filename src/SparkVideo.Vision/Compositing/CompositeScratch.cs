using OpenCvSharp;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// Reusable working images for <see cref="MaskCompositor"/>. Images allocated per frame are returned to the kernel and
/// faulted back in on every frame by the C allocator; keeping them alive makes compositing allocation-free.
/// Not thread-safe: one per thread.
/// </summary>
internal sealed class CompositeScratch : IDisposable
{
    /// <summary>The 8-bit α at the model's size, before it is resized to the frame.</summary>
    public Mat ModelAlpha { get; } = new();

    public Mat Thresholded { get; } = new();

    public Mat AlphaCopy { get; } = new();

    public Mat FrameCopy { get; } = new();

    public void Dispose()
    {
        ModelAlpha.Dispose();
        Thresholded.Dispose();
        AlphaCopy.Dispose();
        FrameCopy.Dispose();
    }
}
