using OpenCvSharp;

namespace SparkVideo.PipelineBench.Temporal;

/// <summary>The flicker scenario's measure of output frames: how many pixels flicker between consecutive ones.</summary>
public static class MaskMeasures
{
    /// <summary>A pixel flickers when one of its channels moves by more than this between consecutive output frames.</summary>
    public const int FlickerLevels = 40;

    /// <summary>The share (0..1) of pixels of which some channel changed by more than <see cref="FlickerLevels"/>.</summary>
    public static double FlickerShare(Mat before, Mat after)
    {
        using var flickering = FlickeringPixels(before, after);
        return Cv2.CountNonZero(flickering) / (double)flickering.Total();
    }

    /// <summary>A CV_8UC1 image of the frames' size: 255 where some channel changed by more than <see cref="FlickerLevels"/>.</summary>
    public static Mat FlickeringPixels(Mat before, Mat after)
    {
        using var difference = new Mat();
        Cv2.Absdiff(before, after, difference);
        using var channelsInColumns = difference.Reshape(1, difference.Rows * difference.Cols);
        using var perPixel = new Mat();
        Cv2.Reduce(channelsInColumns, perPixel, ReduceDimension.Column, ReduceTypes.Max, -1);
        using var perPixelImage = perPixel.Reshape(1, after.Rows);
        var flickering = new Mat();
        Cv2.Threshold(perPixelImage, flickering, FlickerLevels, 255, ThresholdTypes.Binary);
        return flickering;
    }
}
