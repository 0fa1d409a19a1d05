using OpenCvSharp;
using SparkVideo.Testing;
using SparkVideo.Vision.Segmentation;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.PipelineBench.Temporal;

/// <summary>
/// A clip's model-size masks through the same per-camera state the UDF uses (<see cref="CameraMaskState"/>), or each
/// frame segmented on its own (no options), with the number of times the model ran.
/// </summary>
public sealed record MaskRun(IReadOnlyList<Mat> Masks, int Inferences) : IDisposable
{
    public static MaskRun Of(Segmenter segmenter, IReadOnlyList<Mat> frames, double fps, TemporalMaskOptions? options)
    {
        using var state = options is null ? null : new CameraMaskState(options);
        var masks = new List<Mat>(frames.Count);
        var inferences = 0;
        for (var k = 0; k < frames.Count; k++)
        {
            var mask = new Mat();
            if (state is null)
            {
                segmenter.Segment(frames[k], mask);
            }
            var origin = state?.MaskFor(frames[k], 1_767_668_128.0 + (k / fps), segmenter, mask) ?? MaskOrigin.Segmented;
            inferences += origin == MaskOrigin.Segmented ? 1 : 0;
            masks.Add(mask);
        }
        return new MaskRun(masks, inferences);
    }

    /// <summary>The mean IoU of each mask with the other run's mask of the same frame.</summary>
    public double MeanIou(MaskRun other) => Masks.Zip(other.Masks, PersonMasks.Iou).Average();

    /// <summary>The mean IoU of each mask with one reference mask.</summary>
    public double MeanIou(Mat reference) => Masks.Average(mask => PersonMasks.Iou(mask, reference));

    public void Dispose()
    {
        foreach (var mask in Masks)
        {
            mask.Dispose();
        }
    }
}
