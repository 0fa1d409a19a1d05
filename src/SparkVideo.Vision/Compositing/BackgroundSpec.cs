using SparkVideo.Frames.Output;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// One background mode with its parameters, as <see cref="BackgroundSpecParser"/> reads it from the command line.
/// Plain data (an enum, numbers and, for the image mode, the picture's bytes): it travels inside the job's settings
/// to every executor, so a worker on another machine needs no copy of the picture. Equal by content.
/// </summary>
[Serializable]
public sealed record BackgroundSpec
{
    public const byte GrayLevel = 192;
    public const int DefaultBlurRadius = 15;
    public const int MaxBlurRadius = 100;

    /// <summary>The largest picture the image mode takes: it is copied into every UDF closure.</summary>
    public const int MaxImageBytes = 8 * 1024 * 1024;

    public static BackgroundSpec Gray { get; } = new();

    public BackgroundMode Mode { get; init; } = BackgroundMode.Gray;
    public byte Red { get; init; } = GrayLevel;
    public byte Green { get; init; } = GrayLevel;
    public byte Blue { get; init; } = GrayLevel;
    public int BlurRadius { get; init; } = DefaultBlurRadius;

    /// <summary>The picture's encoded bytes (PNG or JPEG) for <see cref="BackgroundMode.Image"/>; null otherwise.</summary>
#pragma warning disable CA1819 // a byte[] is what the worker's serializer carries as it is
    public byte[]? ImageBytes { get; init; }
#pragma warning restore CA1819

    /// <summary>The picture's file name, for messages and the live view (never opened on an executor).</summary>
    public string? ImageName { get; init; }

    /// <summary>The file extension of an output frame: <c>.png</c> for a transparent background, else <c>.jpg</c>.</summary>
    public string OutputExtension => Mode == BackgroundMode.Transparent ? OutputLayout.TransparentFrameExtension : OutputLayout.FrameExtension;

    /// <summary>The mode as the command line writes it, e.g. <c>blur:15</c> or <c>image:beach.jpg</c>.</summary>
    public string Describe() => Mode switch
    {
        BackgroundMode.Color => $"color:{Red},{Green},{Blue}",
        BackgroundMode.Blur => $"blur:{BlurRadius}",
        BackgroundMode.Image => $"image:{ImageName}",
        _ => Mode.ToString().ToLowerInvariant(),
    };

    public bool Equals(BackgroundSpec? other) =>
        other is not null && Mode == other.Mode && Red == other.Red && Green == other.Green && Blue == other.Blue
        && BlurRadius == other.BlurRadius && ImageName == other.ImageName
        && (ImageBytes ?? []).AsSpan().SequenceEqual(other.ImageBytes ?? []);

    public override int GetHashCode() => HashCode.Combine(Mode, Red, Green, Blue, BlurRadius, ImageName, ImageBytes?.Length);
}
