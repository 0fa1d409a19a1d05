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
    /// thresholded to 0/1 when <paramref name="threshold"/> is set (hard).
    /// </summary>
    public static void Composite(Mat bgrFrame, Mat frameMask, Scalar backgroundBgr, float? threshold, Mat output)
    {
        using var alpha = new Mat();
        if (threshold is { } t)
        {
            Cv2.Threshold(frameMask, alpha, t, 1.0, ThresholdTypes.Binary);
        }
        else
        {
            frameMask.CopyTo(alpha);
        }
        using var inverse = new Mat();
        alpha.ConvertTo(inverse, MatType.CV_32FC1, -1.0, 1.0);
        using var background = new Mat(bgrFrame.Size(), MatType.CV_8UC3, backgroundBgr);
        Cv2.BlendLinear(bgrFrame, background, alpha, inverse, output);
    }
}
