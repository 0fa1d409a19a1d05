using OpenCvSharp;

namespace SparkVideo.Vision;

/// <summary>
/// The hard mask of <see cref="BackgroundRemovalOptions.Threshold"/>: every pixel person or background, cut at the
/// threshold on the frame-size mask (the model's probability upsampled bilinearly, so the outline is smooth, not the
/// model's 256x256 grid), then a 3x3 Gaussian on the cut, which smooths the outline's pixel steps in a 1-pixel band and
/// leaves everything else 0 or full.
/// </summary>
internal static class HardMask
{
    /// <summary>The edge's smoothing kernel, in pixels: 3 is one pixel either side of the cut.</summary>
    public const int EdgeKernel = 3;

    /// <summary>
    /// <paramref name="cut"/> = <paramref name="full"/> where <paramref name="mask"/> &gt; <paramref name="level"/>, 0 elsewhere,
    /// its edge smoothed. Works on an 8-bit α (level in 0..255, full 255) and on a float probability (level in 0..1, full 1).
    /// </summary>
    public static void Cut(Mat mask, double level, double full, Mat cut)
    {
        Cv2.Threshold(mask, cut, level, full, ThresholdTypes.Binary);
        Cv2.GaussianBlur(cut, cut, new Size(EdgeKernel, EdgeKernel), 0);
    }
}
