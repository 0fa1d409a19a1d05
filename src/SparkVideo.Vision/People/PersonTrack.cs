namespace SparkVideo.Vision.People;

/// <summary>
/// One camera's people between detections: the boxes last found and how many frames ago. Between detections the
/// boxes are carried, each grown by <see cref="GrowthPerFrame"/> of its height per side per frame, so a person who
/// walks on stays inside their crop. With <see cref="KeepMissed"/> (the default), a box that the next detection does
/// not find again (nothing found over it) is carried through one more detection interval before it is dropped: the
/// detector misses a small person in one frame and finds them in the next (docs/quality.md); only while the frame's
/// boxes stay within the crops a frame gets apart. Not thread-safe: its camera's mask state serializes the calls.
/// </summary>
public sealed class PersonTrack(int detectEvery, float growthPerFrame = PersonTrack.DefaultGrowthPerFrame, bool keepMissed = true)
{
    /// <summary>How far a carried box grows per frame on each side, as a share of its height (a brisk walk at 10 FPS).</summary>
    public const float DefaultGrowthPerFrame = 0.03f;

    /// <summary>A missed box is carried no longer than this many frames since it was found (1 s at 10 FPS).</summary>
    public const int MaxCarriedFrames = 10;

    // Each box as last found, and the frames since.
    private List<(PersonBox Box, int Age)> _boxes = [];
    private int _framesSinceDetection = int.MaxValue;

    /// <summary>The detector runs on one frame in this many (1 = every frame).</summary>
    public int DetectEvery { get; } = detectEvery;

    /// <summary>How far a carried box grows per frame on each side, as a share of its height.</summary>
    public float GrowthPerFrame { get; } = growthPerFrame;

    /// <summary>Whether a box the next detection misses is carried through one more detection interval.</summary>
    public bool KeepMissed { get; } = keepMissed;

    /// <summary>True when this frame must be detected again: never detected, or <see cref="DetectEvery"/> frames since.</summary>
    public bool NeedsDetection => _framesSinceDetection == int.MaxValue || _framesSinceDetection + 1 >= DetectEvery;

    /// <summary>Records a detection's boxes and returns the boxes for this frame: those, and any kept missed one.</summary>
    public List<PersonBox> Detected(List<PersonBox> found)
    {
        var kept = found.Select(b => (b, 0)).ToList();
        if (KeepMissed)
        {
            foreach (var (box, age) in _boxes)
            {
                var grown = Grown(box, age + 1);
                var foundAgain = found.Any(f => f.Iou(grown) > 0 || Contains(grown, f.CenterX, f.CenterY));
                // Missed once at most (a box last found before the previous detection is dropped), and for at most
                // MaxCarriedFrames: by then it has grown so far that its person is small in the crop.
                var missedOnce = age + 1 < Math.Min(2 * DetectEvery, MaxCarriedFrames);
                // Only while every box still gets a crop of its own: past CropPlan.DefaultMaxCrops neighbours share
                // crops, each seen smaller, and a kept box would cost the people found (seen on the street video).
                var cropOfItsOwn = kept.Count < CropPlan.DefaultMaxCrops;
                if (!foundAgain && missedOnce && cropOfItsOwn)
                {
                    kept.Add((box, age + 1));
                }
            }
        }
        _boxes = kept;
        _framesSinceDetection = 0;
        return [.. _boxes.Select(b => Grown(b.Box, b.Age))];
    }

    /// <summary>The boxes for a frame that is not detected, grown for the frames since each was found.</summary>
    public List<PersonBox> Carry()
    {
        _framesSinceDetection++;
        _boxes = [.. _boxes.Select(b => (b.Box, b.Age + 1))];
        return [.. _boxes.Select(b => Grown(b.Box, b.Age))];
    }

    public void Reset()
    {
        _boxes = [];
        _framesSinceDetection = int.MaxValue;
    }

    private PersonBox Grown(PersonBox box, int frames)
    {
        var growth = GrowthPerFrame * frames;
        return box with
        {
            X = box.X - growth * box.Height,
            Y = box.Y - growth * box.Height,
            Width = box.Width + 2 * growth * box.Height,
            Height = box.Height * (1 + 2 * growth),
        };
    }

    private static bool Contains(PersonBox box, float x, float y) => x >= box.X && x <= box.Right && y >= box.Y && y <= box.Bottom;
}
