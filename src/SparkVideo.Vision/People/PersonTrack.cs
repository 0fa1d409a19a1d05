namespace SparkVideo.Vision.People;

/// <summary>
/// One camera's people between detections: the boxes last found and how many frames ago. Between detections the
/// boxes are carried, each grown by <see cref="GrowthPerFrame"/> of its height per side per frame, so a person who
/// walks on stays inside their crop. With <see cref="FollowsMasks"/> (the default), each frame's boxes are then placed
/// where that frame's masks show their people (<see cref="Follow"/>), so a carried box grows from where its person was
/// a frame ago, not from where the detector found them. With <see cref="KeepMissed"/> (the default), a box that the
/// next detection does not find again (nothing found over it) is carried through one more detection interval before it
/// is dropped: the detector misses a small person in one frame and finds them in the next (docs/quality.md); only while
/// the frame's boxes stay within the crops a frame gets apart. Not thread-safe: its camera's mask state serializes the
/// calls.
/// </summary>
public sealed class PersonTrack(int detectEvery, float growthPerFrame = PersonTrack.DefaultGrowthPerFrame, bool keepMissed = true, bool followMasks = true)
{
    /// <summary>How far a carried box grows per frame on each side, as a share of its height (a brisk walk at 10 FPS).</summary>
    public const float DefaultGrowthPerFrame = 0.03f;

    /// <summary>A missed box is carried no longer than this many frames since it was found (1 s at 10 FPS).</summary>
    public const int MaxCarriedFrames = 10;

    /// <summary>
    /// How much a fitted box may shrink a frame, in width and in height: a mask that misses a person's legs in one frame
    /// must not shrink the next crop to their head, which would keep the legs out of every crop until the next detection.
    /// </summary>
    public const float MaxShrinkPerFrame = 0.1f;

    // Each box as last placed (found, or fitted to its mask), the frames since it was found, and since it was placed.
    private List<(PersonBox Box, int Age, int Since)> _boxes = [];
    private int _framesSinceDetection = int.MaxValue;

    /// <summary>The detector runs on one frame in this many (1 = every frame).</summary>
    public int DetectEvery { get; } = detectEvery;

    /// <summary>How far a carried box grows per frame on each side, as a share of its height.</summary>
    public float GrowthPerFrame { get; } = growthPerFrame;

    /// <summary>Whether a box the next detection misses is carried through one more detection interval.</summary>
    public bool KeepMissed { get; } = keepMissed;

    /// <summary>Whether each frame's boxes are placed on their people's masks (<see cref="Follow"/>) before they are carried on.</summary>
    public bool FollowsMasks { get; } = followMasks;

    /// <summary>The boxes as last placed: found, or fitted to their masks, not yet grown for the next frame.</summary>
    public IReadOnlyList<PersonBox> Placed => [.. _boxes.Select(b => b.Box)];

    /// <summary>True when this frame must be detected again: never detected, or <see cref="DetectEvery"/> frames since.</summary>
    public bool NeedsDetection => _framesSinceDetection == int.MaxValue || _framesSinceDetection + 1 >= DetectEvery;

    /// <summary>Records a detection's boxes and returns the boxes for this frame: those, and any kept missed one.</summary>
    public List<PersonBox> Detected(List<PersonBox> found)
    {
        var kept = found.Select(b => (b, 0, 0)).ToList();
        if (KeepMissed)
        {
            foreach (var (box, age, since) in _boxes)
            {
                var grown = Grown(box, since + 1);
                var foundAgain = found.Any(f => f.Iou(grown) > 0 || grown.Contains(f.CenterX, f.CenterY));
                // Missed once at most (a box last found before the previous detection is dropped), and for at most
                // MaxCarriedFrames: by then it has grown so far that its person is small in the crop.
                var missedOnce = age + 1 < Math.Min(2 * DetectEvery, MaxCarriedFrames);
                // Only while every box still gets a crop of its own: past CropPlan.DefaultMaxCrops neighbours share
                // crops, each seen smaller, and a kept box would cost the people found (seen on the street video).
                var cropOfItsOwn = kept.Count < CropPlan.DefaultMaxCrops;
                if (!foundAgain && missedOnce && cropOfItsOwn)
                {
                    kept.Add((box, age + 1, since + 1));
                }
            }
        }
        _boxes = kept;
        _framesSinceDetection = 0;
        return [.. _boxes.Select(b => Grown(b.Box, b.Since))];
    }

    /// <summary>
    /// Places this frame's boxes (as <see cref="Detected"/> or <see cref="Carry"/> returned them, in that order) where
    /// their masks show their people (<see cref="MaskFit"/>); null leaves a box as it was. A fitted box shrinks by at
    /// most <see cref="MaxShrinkPerFrame"/> a frame. The next frame's boxes grow from there.
    /// </summary>
    public void Follow(IReadOnlyList<PersonBox?> fitted)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        if (fitted.Count != _boxes.Count)
        {
            throw new ArgumentException($"{fitted.Count} boxes fitted for {_boxes.Count} carried", nameof(fitted));
        }
        _boxes = [.. _boxes.Select((b, i) => Fits(fitted[i], Grown(b.Box, b.Since), Grown(b.Box, b.Since + 1)) is { } box ? (box, b.Age, 0) : b)];
    }

    /// <summary>The boxes for a frame that is not detected, grown for the frames since each was placed.</summary>
    public List<PersonBox> Carry()
    {
        _framesSinceDetection++;
        _boxes = [.. _boxes.Select(b => (b.Box, b.Age + 1, b.Since + 1))];
        return [.. _boxes.Select(b => Grown(b.Box, b.Since))];
    }

    public void Reset()
    {
        _boxes = [];
        _framesSinceDetection = int.MaxValue;
    }

    /// <summary>
    /// The fitted box, unless it is larger than the box it was fitted in grown by one more frame (the mask ran into the
    /// scene, or took in a neighbour: following it would feed a larger crop the same mistake), shrunk by at most
    /// <see cref="MaxShrinkPerFrame"/> of the box it was fitted in.
    /// </summary>
    private static PersonBox? Fits(PersonBox? fitted, PersonBox carried, PersonBox largest)
    {
        if (fitted is not { } fit || fit.Width > largest.Width || fit.Height > largest.Height)
        {
            return null;
        }
        var width = Math.Max(fit.Width, (1 - MaxShrinkPerFrame) * carried.Width);
        var height = Math.Max(fit.Height, (1 - MaxShrinkPerFrame) * carried.Height);
        return fit with { X = fit.CenterX - width / 2, Y = fit.CenterY - height / 2, Width = width, Height = height };
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
}
