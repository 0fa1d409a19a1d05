namespace SparkVideo.Vision.Temporal;

/// <summary>
/// What a camera's <see cref="CameraMaskState"/> does between segmenting a frame and compositing it: temporal
/// smoothing of the mask and reuse of the last segmented frame's mask while the picture stays still.
/// </summary>
public sealed record TemporalMaskOptions
{
    /// <summary>The smoothing applied when <c>--smoothing</c> is not given: off (see the README on why).</summary>
    public const float DefaultSmoothing = 0f;

    /// <summary>The fingerprint difference below which a frame reuses the last segmented frame's mask (gray levels).</summary>
    public const float DefaultReuseThreshold = 5f;

    /// <summary>
    /// A camera's state restarts when its frames are further apart than this in capture time: 5 frame intervals at the
    /// camera server's default 10 FPS. A camera that reconnects, or a partition that moved to another executor and back,
    /// starts fresh instead of blending a mask of seconds ago.
    /// </summary>
    public const double MaxGapSeconds = 0.5;

    /// <summary>
    /// Weight of the camera's history in the exponential moving average of the mask, in [0, 1): 0 = off, each frame's
    /// own mask; mask = A · previous + (1 − A) · this frame's.
    /// </summary>
    public float Smoothing { get; init; } = DefaultSmoothing;

    /// <summary>At most this many frames in a row reuse a segmented frame's mask; 0 = every frame is segmented.</summary>
    public int MaskReuseFrames { get; init; }

    /// <summary>Largest per-cell difference (gray levels, of the <see cref="FrameFingerprint"/>) that still counts as still.</summary>
    public float ReuseThreshold { get; init; } = DefaultReuseThreshold;

    /// <summary>With --segmentation people, the person detector runs on one frame in this many (1 = every frame).</summary>
    public int DetectEvery { get; init; } = 1;

    /// <summary>The default of <c>--detect-every</c>: at the camera server's 10 FPS, people are found again twice a second.</summary>
    public const int DefaultDetectEvery = 5;

    /// <summary>True when the state does anything at all; otherwise every frame is segmented on its own.</summary>
    public bool IsActive => Smoothing > 0 || MaskReuseFrames > 0 || DetectEvery > 1;

    /// <summary>The rule of <c>--detect-every</c>: 1 to 100 frames.</summary>
    public static bool IsValidDetectEvery(int value) => value is >= 1 and <= 100;

    /// <summary>The rule of <c>--smoothing</c>: a number in [0, 1).</summary>
    public static bool IsValidSmoothing(float value) => value is >= 0f and < 1f;

    /// <summary>The rule of <c>--mask-reuse</c>: 0 to 100 frames.</summary>
    public static bool IsValidMaskReuse(int value) => value is >= 0 and <= 100;

    /// <summary>The rule of <c>--mask-reuse-threshold</c>: more than 0, at most 255 gray levels.</summary>
    public static bool IsValidReuseThreshold(float value) => value is > 0f and <= 255f;

    internal void Validate()
    {
        if (!IsValidSmoothing(Smoothing))
        {
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, "smoothing must be in [0, 1)");
        }
        if (!IsValidMaskReuse(MaskReuseFrames))
        {
            throw new ArgumentOutOfRangeException(nameof(MaskReuseFrames), MaskReuseFrames, "mask reuse must be 0 to 100 frames");
        }
        if (!IsValidDetectEvery(DetectEvery))
        {
            throw new ArgumentOutOfRangeException(nameof(DetectEvery), DetectEvery, "detection must run every 1 to 100 frames");
        }
        if (!IsValidReuseThreshold(ReuseThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(ReuseThreshold), ReuseThreshold, "the mask reuse threshold must be in (0, 255]");
        }
    }
}
