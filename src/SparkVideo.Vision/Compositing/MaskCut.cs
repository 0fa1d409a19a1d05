using System.Globalization;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// Reads and writes <c>--threshold</c>, the same in every program: a person probability in (0,1) above which a pixel
/// is kept whole (the default, 0.5: no half-transparent people), or <c>soft</c>, the seed's blend by the probability.
/// In <see cref="BackgroundRemovalOptions.Threshold"/> the soft blend is null.
/// </summary>
public static class MaskCut
{
    public const string Soft = "soft";

    /// <summary>The default cut: measured against exact masks (docs/quality.md), it keeps the soft blend's IoU and drops its half-transparent pixels.</summary>
    public const float DefaultThreshold = 0.5f;

    public const string DefaultText = "0.5";

    /// <summary>The option's --help text.</summary>
    public const string Help = "Mask: a person probability in (0,1) above which a pixel is kept whole and below which it is replaced, with an " +
        "anti-aliased edge (no half-transparent people), or soft: the seed's blend by the probability (uncertain pixels half-transparent).";

    /// <summary>The parse's error for a bad value, null for a good one (a command line's validator).</summary>
    public static string? Problem(string? text) => TryParse(text, out _, out var error) ? null : error;

    /// <summary>The cut for <see cref="BackgroundRemovalOptions.Threshold"/>: a value in (0,1), or null for <c>soft</c>.</summary>
    public static bool TryParse(string? text, out float? threshold, out string? error)
    {
        var value = text?.Trim() ?? "";
        threshold = null;
        error = null;
        if (value.Equals(Soft, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0f and < 1f)
        {
            threshold = t;
            return true;
        }
        error = $"--threshold must be between 0 and 1 (exclusive) or {Soft}, got '{text}'";
        return false;
    }

    /// <summary>How a cut is shown (the live view's settings, the job's log): the number, or <c>soft</c>.</summary>
    public static string Format(float? threshold) =>
        threshold is { } t ? t.ToString("0.###", CultureInfo.InvariantCulture) : Soft;
}
