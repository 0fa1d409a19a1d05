using OpenCvSharp;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Vision.People;

/// <summary>
/// Finds the people, then segments each one on their own crop (<see cref="CropSegmentation"/>): a frame-size mask
/// that is 0 wherever nobody was found. With a camera's <see cref="PersonTrack"/>, the detector runs on one frame in
/// <see cref="PersonTrack.DetectEvery"/> and the boxes are carried between, each placed where its person's mask shows them
/// (<see cref="PersonTrack.Follow"/>); without one, on every frame. Thread-safe.
/// </summary>
public sealed class PeopleSegmentation(IPersonDetector detector, CropPlan plan)
{
    public PeopleSegmentation(IPersonDetector detector)
        : this(detector, new CropPlan(new CropGeometry()))
    {
    }

    /// <summary>
    /// How <see cref="SegmentImage"/> searches a single image; null: as a camera's frame is searched, the detector on the
    /// whole frame only.
    /// </summary>
    public TiledPersonSearch? ImageSearch { get; init; } = new();

    /// <summary>
    /// The most crops <see cref="SegmentImage"/> gives an image before neighbours share one: more than a camera's frame
    /// gets, since a shared crop shows each person smaller and one image can afford the inferences.
    /// </summary>
    public int ImageMaxCrops { get; init; } = 16;

    /// <summary>
    /// One image on its own (a photo): the people found by <see cref="ImageSearch"/>, which costs several detector runs
    /// and finds people far from the camera that a camera's frames, searched once, lose.
    /// </summary>
    public void SegmentImage(Mat bgrFrame, Segmenter segmenter, Mat frameMask)
    {
        var boxes = ImageSearch is { } search ? search.Detect(detector, bgrFrame) : detector.Detect(bgrFrame);
        CropSegmentation.Segment(bgrFrame, boxes, segmenter, plan with { MaxCrops = Math.Max(plan.MaxCrops, ImageMaxCrops) }, frameMask);
    }

    /// <summary>Writes a CV_32FC1 mask of <paramref name="bgrFrame"/>'s size into <paramref name="frameMask"/>.</summary>
    public void Segment(Mat bgrFrame, Segmenter segmenter, PersonTrack? track, Mat frameMask)
    {
        List<PersonBox> boxes;
        if (track is null || track.NeedsDetection)
        {
            boxes = detector.Detect(bgrFrame);
            if (track is not null)
            {
                boxes = track.Detected(boxes);
            }
        }
        else
        {
            boxes = track.Carry();
        }
        CropSegmentation.Segment(bgrFrame, boxes, segmenter, plan, frameMask);
        if (track is { FollowsMasks: true })
        {
            var modelInput = new Size(segmenter.InputWidth, segmenter.InputHeight);
            track.Follow([.. boxes.Select(b => MaskFit.Of(frameMask, plan.Geometry.CropOf(b, bgrFrame.Size(), modelInput), b))]);
        }
    }
}
