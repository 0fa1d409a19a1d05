using OpenCvSharp;

namespace SparkVideo.Vision.Compositing;

/// <summary>The blend weight of the modes beyond a flat colour: the soft mask, or the mask thresholded to 0/1.</summary>
internal static class MaskAlpha
{
    public static Mat Of(Mat mask, float? threshold, ModeScratch scratch)
    {
        if (threshold is not { } t)
        {
            return mask;
        }
        Cv2.Threshold(mask, scratch.Alpha, t, 1.0, ThresholdTypes.Binary);
        return scratch.Alpha;
    }
}
