namespace SparkVideo.Frames;

/// <summary>
/// Caps that keep a hostile or broken producer from exhausting memory. Every value is configurable;
/// the defaults fit 640x480 JPEGs with a wide margin.
/// </summary>
public sealed record FrameLimits
{
    /// <summary>Longest accepted JSON line in bytes (default 8 MiB, about 20x a 640x480 q80 JPEG in base64).</summary>
    public int MaxLineBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest accepted frame_width and frame_height.</summary>
    public int MaxWidth { get; init; } = 4096;
    public int MaxHeight { get; init; } = 4096;

    /// <summary>
    /// Earliest accepted capture time (2000-01-01T00:00:00Z). An earlier one is no real camera's clock (e.g. a
    /// small number from a broken producer) and would skew latency and file names.
    /// </summary>
    public DateTimeOffset MinTimestamp { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Timestamps later than now + this are rejected as far-future.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromDays(1);

    public static FrameLimits Default { get; } = new();
}
