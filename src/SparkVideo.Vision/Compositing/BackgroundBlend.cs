using OpenCvSharp;

namespace SparkVideo.Vision.Compositing;

/// <summary>output = frame · α + background · (1 − α), for a background that is an image (blur, picture) rather than one colour.</summary>
internal static class BackgroundBlend
{
    public static void Composite(Mat bgrFrame, Mat alpha, Mat background, Mat output, ModeScratch scratch)
    {
        alpha.ConvertTo(scratch.Inverse, MatType.CV_32FC1, -1.0, 1.0);
        Cv2.BlendLinear(bgrFrame, background, alpha, scratch.Inverse, output);
    }
}
