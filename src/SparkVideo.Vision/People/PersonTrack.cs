namespace SparkVideo.Vision.People;

/// <summary>
/// One camera's people between detections: the boxes last found and how many frames ago. Between detections the
/// boxes are carried, each grown by <see cref="GrowthPerFrame"/> of its height per side per frame, so a person who
/// walks on stays inside their crop. Not thread-safe: its camera's mask state serializes the calls.
/// </summary>
public sealed class PersonTrack(int detectEvery, float growthPerFrame = PersonTrack.DefaultGrowthPerFrame)
{
    /// <summary>How far a carried box grows per frame on each side, as a share of its height (a brisk walk at 10 FPS).</summary>
    public const float DefaultGrowthPerFrame = 0.03f;

    /// <summary>How far a carried box grows per frame on each side, as a share of its height.</summary>
    public float GrowthPerFrame { get; } = growthPerFrame;

    private List<PersonBox> _boxes = [];
    private int _framesSinceDetection = int.MaxValue;

    /// <summary>The detector runs on one frame in this many (1 = every frame).</summary>
    public int DetectEvery { get; } = detectEvery;

    /// <summary>True when this frame must be detected again: never detected, or <see cref="DetectEvery"/> frames since.</summary>
    public bool NeedsDetection => _framesSinceDetection == int.MaxValue || _framesSinceDetection + 1 >= DetectEvery;

    public void Detected(List<PersonBox> boxes)
    {
        _boxes = boxes;
        _framesSinceDetection = 0;
    }

    /// <summary>The boxes for a frame that is not detected, grown for the frames since the detection.</summary>
    public List<PersonBox> Carry()
    {
        _framesSinceDetection++;
        var growth = GrowthPerFrame * _framesSinceDetection;
        return [.. _boxes.Select(b => b with
        {
            X = b.X - growth * b.Height,
            Y = b.Y - growth * b.Height,
            Width = b.Width + 2 * growth * b.Height,
            Height = b.Height * (1 + 2 * growth),
        })];
    }

    public void Reset()
    {
        _boxes = [];
        _framesSinceDetection = int.MaxValue;
    }
}
