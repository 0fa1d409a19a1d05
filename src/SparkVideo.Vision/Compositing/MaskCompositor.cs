using OpenCvSharp;

namespace SparkVideo.Vision;

/// <summary>Turns a model-size probability mask into a composite of the frame over a solid background.</summary>
public static class MaskCompositor
{
    /// <summary>Bilinear upsample of a CV_32FC1 mask to the frame size.</summary>
    public static void UpsampleMask(Mat mask, Size frameSize, Mat frameMask) =>
        Cv2.Resize(mask, frameMask, frameSize, 0, 0, InterpolationFlags.Linear);

    /// <summary>
    /// output = frame · α + background · (1 − α), where α is the frame-size mask (soft), or the mask
    /// thresholded to 0/1 when <paramref name="threshold"/> is set (hard). Allocates nothing once
    /// <paramref name="scratch"/> and <paramref name="output"/> have seen a frame of this size.
    /// </summary>
    public static void Composite(Mat bgrFrame, Mat frameMask, Scalar backgroundBgr, float? threshold, Mat output, CompositeScratch scratch)
    {
        var alpha = frameMask;
        if (threshold is { } t)
        {
            Cv2.Threshold(frameMask, scratch.Alpha, t, 1.0, ThresholdTypes.Binary);
            alpha = scratch.Alpha;
        }
        alpha.ConvertTo(scratch.Inverse, MatType.CV_32FC1, -1.0, 1.0);
        Cv2.BlendLinear(bgrFrame, scratch.Background(bgrFrame.Size(), backgroundBgr), alpha, scratch.Inverse, output);
    }

    /// <summary>The same with throw-away working images, for one-off use.</summary>
    public static void Composite(Mat bgrFrame, Mat frameMask, Scalar backgroundBgr, float? threshold, Mat output)
    {
        using var scratch = new CompositeScratch();
        Composite(bgrFrame, frameMask, backgroundBgr, threshold, output, scratch);
    }
}
