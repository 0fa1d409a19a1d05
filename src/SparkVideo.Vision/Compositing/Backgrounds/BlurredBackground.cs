using OpenCvSharp;

namespace SparkVideo.Vision.Compositing.Backgrounds;

/// <summary>
/// The frame blurred, with the person masked out first: a mask-weighted (normalized) box blur, Σ w·frame / Σ w with
/// w = 1 − α, so each background pixel is an average of background pixels only and the person leaves no halo behind
/// them. Two box passes (close to a Gaussian) at half resolution, which a blur of this size cannot tell apart from
/// full resolution, then upsampled.
/// </summary>
internal sealed class BlurredBackground(int radius) : IBackgroundSource
{
    /// <summary>Weights below this count as no background in the window (a person wider than the blur).</summary>
    private const double MinWeight = 1e-4;

    public Mat Render(Mat bgrFrame, Mat alpha, ModeScratch scratch)
    {
        var small = new Size(Math.Max(1, bgrFrame.Width / 2), Math.Max(1, bgrFrame.Height / 2));
        // Two passes of a box k half-resolution pixels wide reach about k full-resolution pixels either side.
        var width = Math.Max(1, radius / 2) | 1;
        var kernel = new Size(width, width);

        Cv2.Resize(bgrFrame, scratch.SmallFrame, small, 0, 0, InterpolationFlags.Area);
        Cv2.Resize(alpha, scratch.SmallWeight, small, 0, 0, InterpolationFlags.Area);
        scratch.SmallWeight.ConvertTo(scratch.SmallWeight, MatType.CV_32FC1, -1.0, 1.0);
        Cv2.CvtColor(scratch.SmallWeight, scratch.SmallWeight3, ColorConversionCodes.GRAY2BGR);
        scratch.SmallFrame.ConvertTo(scratch.SmallSum, MatType.CV_32FC3);
        Cv2.Multiply(scratch.SmallSum, scratch.SmallWeight3, scratch.SmallSum);

        for (var pass = 0; pass < 2; pass++)
        {
            Cv2.Blur(scratch.SmallSum, scratch.SmallSum, kernel, null, BorderTypes.Reflect);
            Cv2.Blur(scratch.SmallWeight3, scratch.SmallWeight3, kernel, null, BorderTypes.Reflect);
        }
        Cv2.Max(scratch.SmallWeight3, MinWeight, scratch.SmallWeight3);
        Cv2.Divide(scratch.SmallSum, scratch.SmallWeight3, scratch.SmallSum);
        scratch.SmallSum.ConvertTo(scratch.SmallFrame, MatType.CV_8UC3);
        Cv2.Resize(scratch.SmallFrame, scratch.Background, bgrFrame.Size(), 0, 0, InterpolationFlags.Linear);
        return scratch.Background;
    }

    public void Dispose()
    {
    }
}
