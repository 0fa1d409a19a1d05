using OpenCvSharp;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// The hard mask of <see cref="BackgroundRemovalOptions.Threshold"/>: person where the frame-size probability (the
/// model's, upsampled bilinearly, so the outline is smooth rather than the model's 256x256 grid) is above the
/// threshold, background below, and a steep ramp across <see cref="EdgeHalfWidth"/> either side of it. Where the
/// probability crosses the threshold at an outline the ramp is about one pixel wide, so the outline is anti-aliased;
/// it also keeps the frame-to-frame noise of the probability from flipping edge pixels between frame and background
/// (a plain cut flickered 10x more than the soft blend on a still street clip: docs/quality.md). One saturating
/// linear map: no more than the soft blend's cost.
/// </summary>
internal static class HardMask
{
    /// <summary>The ramp's half-width in probability: 0.4 to 0.6 around the default 0.5 goes from background to person.</summary>
    public const double EdgeHalfWidth = 0.1;

    /// <summary>
    /// <paramref name="cut"/> = the ramp of <paramref name="mask"/> around <paramref name="threshold"/> (a probability),
    /// 0 below, <paramref name="full"/> above. Works on an 8-bit α (0..255, <paramref name="full"/> 255) and on a float
    /// probability (0..1, <paramref name="full"/> 1).
    /// </summary>
    public static void Cut(Mat mask, double threshold, double full, Mat cut)
    {
        var half = Math.Min(EdgeHalfWidth, Math.Min(threshold, 1 - threshold));
        if (half <= 0)
        {
            Cv2.Threshold(mask, cut, threshold * full, full, ThresholdTypes.Binary);
            return;
        }
        // (p - (threshold - half)) / (2 half), in the mask's own units; an 8-bit result saturates to 0..255 by itself.
        var scale = 1 / (2 * half);
        mask.ConvertTo(cut, mask.Type(), scale, -(threshold - half) * full * scale);
        if (mask.Type() != MatType.CV_8UC1)
        {
            Cv2.Threshold(cut, cut, full, full, ThresholdTypes.Trunc);
            Cv2.Threshold(cut, cut, 0, 0, ThresholdTypes.Tozero);
        }
    }
}
