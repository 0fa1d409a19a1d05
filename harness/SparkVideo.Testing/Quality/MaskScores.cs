using OpenCvSharp;
using SparkVideo.Vision.People;

namespace SparkVideo.Testing.Quality;

/// <summary>
/// Scores of an output alpha (CV_8UC1, 0..255: what a transparent background keeps) against an exact person mask
/// (CV_8UC1, 0 or 255).
/// </summary>
public static class MaskScores
{
    /// <summary>The band around the true outline that <see cref="BoundaryIou"/> looks at, in pixels either side.</summary>
    public const int BoundaryBand = 4;

    /// <summary>IoU of the kept pixels (alpha at least 128) with the person; a frame with nobody, kept empty, scores 1.</summary>
    public static double Iou(Mat alpha, Mat truth)
    {
        using var kept = Kept(alpha);
        return HardIou(kept, truth, null);
    }

    /// <summary>
    /// IoU that charges half-transparent pixels: sum(min(a, t)) / sum(max(a, t)) with a in [0,1], so a pixel kept at
    /// half its opacity counts half inside the person and half as a false keep outside it.
    /// </summary>
    public static double SoftIou(Mat alpha, Mat truth)
    {
        using var both = new Mat();
        using var either = new Mat();
        Cv2.Min(alpha, truth, both);
        Cv2.Max(alpha, truth, either);
        var union = Cv2.Sum(either).Val0;
        return union == 0 ? 1 : Cv2.Sum(both).Val0 / union;
    }

    /// <summary>IoU inside a band of <see cref="BoundaryBand"/> pixels around the true outline: how well the edges sit.</summary>
    public static double BoundaryIou(Mat alpha, Mat truth)
    {
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(2 * BoundaryBand + 1, 2 * BoundaryBand + 1));
        using var grown = new Mat();
        using var shrunk = new Mat();
        using var band = new Mat();
        Cv2.Dilate(truth, grown, kernel);
        Cv2.Erode(truth, shrunk, kernel);
        Cv2.Subtract(grown, shrunk, band);
        using var kept = Kept(alpha);
        return HardIou(kept, truth, band);
    }

    /// <summary>
    /// A person probability (CV_32FC1) as the alpha the default's hard mask gives it where it counts: kept (255) at 0.5
    /// and above, else 0 (the default's 0.4-0.6 ramp crosses 128 at 0.5).
    /// </summary>
    public static Mat AlphaOfProbability(Mat probability)
    {
        using var kept = new Mat();
        Cv2.Threshold(probability, kept, 0.5, 1, ThresholdTypes.Binary);
        var alpha = new Mat();
        kept.ConvertTo(alpha, MatType.CV_8UC1, 255);
        return alpha;
    }

    /// <summary>The share (0..1) of the person pixels inside <paramref name="box"/> that are kept (alpha at least 128); 1 when there are none.</summary>
    public static double KeptShareOfTruth(Mat alpha, Mat truth, PersonBox box)
    {
        var region = new Rect((int)box.X, (int)box.Y, (int)box.Width, (int)box.Height).Intersect(new Rect(0, 0, truth.Width, truth.Height));
        using var alphaRegion = new Mat(alpha, region);
        using var truthRegion = new Mat(truth, region);
        using var kept = Kept(alphaRegion);
        Cv2.BitwiseAnd(kept, truthRegion, kept);
        var person = Cv2.CountNonZero(truthRegion);
        return person == 0 ? 1 : Cv2.CountNonZero(kept) / (double)person;
    }

    /// <summary>The share (0..1) of the frame kept (alpha at least 128).</summary>
    public static double KeptShare(Mat alpha)
    {
        using var kept = Kept(alpha);
        return Cv2.CountNonZero(kept) / (double)alpha.Total();
    }

    /// <summary>
    /// The share (0..1) of the frame's opacity: the mean alpha over 255, so a pixel kept at half its opacity counts half.
    /// On a frame with nobody it is what a viewer sees of wrongly kept pixels, the faint ones that <see cref="KeptShare"/> misses included.
    /// </summary>
    public static double KeptOpacity(Mat alpha) => Cv2.Mean(alpha).Val0 / 255.0;

    /// <summary>The kept pixels of an alpha (at least 128) as 255, the rest 0.</summary>
    private static Mat Kept(Mat alpha)
    {
        var kept = new Mat();
        Cv2.Threshold(alpha, kept, 127, 255, ThresholdTypes.Binary);
        return kept;
    }

    private static double HardIou(Mat kept, Mat truth, Mat? within)
    {
        using var both = new Mat();
        using var either = new Mat();
        Cv2.BitwiseAnd(kept, truth, both);
        Cv2.BitwiseOr(kept, truth, either);
        if (within is not null)
        {
            Cv2.BitwiseAnd(both, within, both);
            Cv2.BitwiseAnd(either, within, either);
        }
        var union = Cv2.CountNonZero(either);
        return union == 0 ? 1 : Cv2.CountNonZero(both) / (double)union;
    }
}
