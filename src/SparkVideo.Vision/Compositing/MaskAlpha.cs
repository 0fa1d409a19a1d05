using OpenCvSharp;

namespace SparkVideo.Vision.Compositing;

/// <summary>The blend weight of the modes beyond a flat colour: the soft mask, or the hard mask cut at the threshold (<see cref="HardMask"/>).</summary>
internal static class MaskAlpha
{
    public static Mat Of(Mat mask, float? threshold, ModeScratch scratch)
    {
        if (threshold is not { } t)
        {
            return mask;
        }
        HardMask.Cut(mask, t, 1.0, scratch.Alpha);
        return scratch.Alpha;
    }
}
