using OpenCvSharp;
using SparkVideo.Testing;
using SparkVideo.Vision.Segmentation;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.PipelineBench.Temporal;

/// <summary>
/// How well mask reuse agrees with segmenting every frame on one still clip, measured in this process through the same
/// per-camera state the UDF runs. Every frame segmented disagrees with itself (sensor noise moves the model's edges),
/// so the numbers come with that noise floor and with both runs scored against the mask of the clip's noise-free frame.
/// </summary>
/// <param name="PersonShare">The share of the noise-free frame's mask that is person (probability above 0.5).</param>
/// <param name="NoiseFloor">The mean IoU of consecutive frames' own masks: how far the model agrees with itself.</param>
/// <param name="ReuseIou">The mean IoU of the reused run's masks with every frame segmented.</param>
/// <param name="EveryCleanIou">Every frame segmented, mean IoU with the noise-free frame's mask.</param>
/// <param name="ReuseCleanIou">The reused run, mean IoU with the noise-free frame's mask.</param>
/// <param name="Inferences">How many times the reused run ran the model.</param>
/// <param name="Frames">The clip's length.</param>
public sealed record ReuseAgreement(
    double PersonShare, double NoiseFloor, double ReuseIou, double EveryCleanIou, double ReuseCleanIou, int Inferences, int Frames)
{
    public static ReuseAgreement Measure(Segmenter segmenter, Mat cleanFrame, IReadOnlyList<Mat> clip, double fps, int maskReuse)
    {
        using var every = MaskRun.Of(segmenter, clip, fps, null);
        using var reuse = MaskRun.Of(segmenter, clip, fps, new TemporalMaskOptions { MaskReuseFrames = maskReuse });
        using var cleanMask = new Mat();
        segmenter.Segment(cleanFrame, cleanMask);
        return new ReuseAgreement(
            PersonShare: PersonMasks.PersonShare(cleanMask),
            NoiseFloor: every.Masks.Skip(1).Zip(every.Masks, PersonMasks.Iou).Average(),
            ReuseIou: reuse.MeanIou(every),
            EveryCleanIou: every.MeanIou(cleanMask),
            ReuseCleanIou: reuse.MeanIou(cleanMask),
            Inferences: reuse.Inferences,
            Frames: clip.Count);
    }
}
