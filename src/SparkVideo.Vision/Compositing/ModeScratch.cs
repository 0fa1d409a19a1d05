using OpenCvSharp;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// One caller's reusable images for the edge refinement and the modes beyond a flat colour (blur, image,
/// transparent); pooled with <see cref="RemoverBuffers"/>, never shared between threads. Kept alive for the same
/// reason as <see cref="CompositeScratch"/>: full-frame temporaries made per frame cost more than the work itself.
/// </summary>
internal sealed class ModeScratch : IDisposable
{
    public Mat RefinedMask { get; } = new();
    public Mat Alpha { get; } = new();
    public Mat Inverse { get; } = new();
    public Mat Alpha8 { get; } = new();
    public Mat Background { get; } = new();
    public Mat SmallFrame { get; } = new();
    public Mat SmallGuide { get; } = new();
    public Mat SmallMask { get; } = new();
    public Mat SmallWeight { get; } = new();
    public Mat SmallWeight3 { get; } = new();
    public Mat SmallSum { get; } = new();

    public void Dispose()
    {
        foreach (var mat in new[] { RefinedMask, Alpha, Inverse, Alpha8, Background, SmallFrame, SmallGuide, SmallMask, SmallWeight, SmallWeight3, SmallSum })
        {
            mat.Dispose();
        }
    }
}
