using OpenCvSharp;

namespace SparkVideo.Vision;

/// <summary>
/// Reusable working images for <see cref="MaskCompositor.Composite(Mat, Mat, Scalar, float?, Mat, CompositeScratch)"/>.
/// Full-frame temporaries allocated per frame are returned to the kernel and faulted back in on every frame
/// by the C allocator, which cost more than the blend itself; keeping them alive makes compositing allocation-free.
/// Not thread-safe: one per thread.
/// </summary>
public sealed class CompositeScratch : IDisposable
{
    private readonly Mat _background = new();
    private Scalar _backgroundColour;

    internal Mat Alpha { get; } = new();

    internal Mat Inverse { get; } = new();

    /// <summary>A frame-size image of the background colour, refilled only when the size or colour changes.</summary>
    internal Mat Background(Size size, Scalar colour)
    {
        if (_background.Size() != size || _background.Type() != MatType.CV_8UC3 || _backgroundColour != colour)
        {
            _background.Create(size, MatType.CV_8UC3);
            _background.SetTo(colour);
            _backgroundColour = colour;
        }
        return _background;
    }

    public void Dispose()
    {
        _background.Dispose();
        Alpha.Dispose();
        Inverse.Dispose();
    }
}
