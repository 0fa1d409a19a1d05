using OpenCvSharp;

namespace SparkVideo.PipelineBench.Temporal;

/// <summary>The numbers of the flicker scenario: flicker between output frames, and agreement between masks.</summary>
public static class MaskMeasures
{
    /// <summary>A pixel flickers when one of its channels moves by more than this between consecutive output frames.</summary>
    public const int FlickerLevels = 40;

    /// <summary>The share (0..1) of pixels of which some channel changed by more than <see cref="FlickerLevels"/>.</summary>
    public static double FlickerShare(Mat before, Mat after)
    {
        using var difference = new Mat();
        Cv2.Absdiff(before, after, difference);
        using var largest = difference.Reshape(1, difference.Rows * difference.Cols);
        using var perPixel = new Mat();
        Cv2.Reduce(largest, perPixel, ReduceDimension.Column, ReduceTypes.Max, -1);
        using var flickering = new Mat();
        Cv2.Threshold(perPixel, flickering, FlickerLevels, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(flickering) / (double)perPixel.Rows;
    }

    /// <summary>Intersection over union of the person (probability above 0.5) in two masks of one size.</summary>
    public static double Iou(Mat a, Mat b)
    {
        using var personA = new Mat();
        using var personB = new Mat();
        Cv2.Threshold(a, personA, 0.5, 255, ThresholdTypes.Binary);
        Cv2.Threshold(b, personB, 0.5, 255, ThresholdTypes.Binary);
        using var bytesA = new Mat();
        using var bytesB = new Mat();
        personA.ConvertTo(bytesA, MatType.CV_8UC1);
        personB.ConvertTo(bytesB, MatType.CV_8UC1);
        using var both = new Mat();
        using var either = new Mat();
        Cv2.BitwiseAnd(bytesA, bytesB, both);
        Cv2.BitwiseOr(bytesA, bytesB, either);
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
