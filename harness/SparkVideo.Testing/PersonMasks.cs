using OpenCvSharp;

namespace SparkVideo.Testing;

/// <summary>Measures on the segmenter's probability masks, shared by the tests and the bench.</summary>
public static class PersonMasks
{
    /// <summary>
    /// Intersection over union of the person (probability above 0.5) in two masks of one size; two masks with no
    /// person anywhere agree (1).
    /// </summary>
    public static double Iou(Mat a, Mat b)
    {
        using var personA = new Mat();
        using var personB = new Mat();
        Cv2.Compare(a, new Scalar(0.5), personA, CmpTypes.GT);
        Cv2.Compare(b, new Scalar(0.5), personB, CmpTypes.GT);
        using var both = new Mat();
        using var either = new Mat();
        Cv2.BitwiseAnd(personA, personB, both);
        Cv2.BitwiseOr(personA, personB, either);
        var union = Cv2.CountNonZero(either);
        return union == 0 ? 1 : Cv2.CountNonZero(both) / (double)union;
    }

    /// <summary>The share (0..1) of a mask's pixels that are person (probability above 0.5).</summary>
    public static double PersonShare(Mat mask)
    {
        using var person = new Mat();
        Cv2.Threshold(mask, person, 0.5, 1, ThresholdTypes.Binary);
        return Cv2.CountNonZero(person) / (double)mask.Total();
    }
}
