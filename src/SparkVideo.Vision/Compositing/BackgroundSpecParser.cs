using System.Globalization;
using OpenCvSharp;
using SparkVideo.Vision.Compositing.Backgrounds;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// Reads <c>--background</c>: <c>gray</c>, <c>color:R,G,B</c>, <c>blur[:RADIUS]</c>, <c>image:PATH</c> or
/// <c>transparent</c>. The image mode's file is read and decoded here, on the driver, so a bad picture is a usage
/// error before anything starts and the executors get its bytes, not its path.
/// </summary>
public static class BackgroundSpecParser
{
    public const string Syntax = "gray, color:R,G,B, blur[:RADIUS], image:PATH or transparent";

    /// <summary>The option's --help text, the same in every program that has it.</summary>
    public const string Help = "Background: gray (192,192,192), color:R,G,B (0-255 each), blur[:RADIUS] (the scene blurred behind a sharp person, "
        + "radius 1-100 px, default 15), image:PATH (a PNG or JPEG of at most 8 MiB, scaled to cover the frame) or transparent (PNG frames, alpha = mask).";

    public const string EdgesHelp = "Mask edges: none (the model's mask), guided (follows the frame's own edges: hair, shoulders) or feather (a softer edge).";

    /// <summary>The parse's error for a bad value, null for a good one (a command line's validator).</summary>
    public static string? Problem(string? text) => TryParse(text, out _, out var error) ? null : error;

    public static bool TryParse(string? text, out BackgroundSpec spec, out string? error)
    {
        spec = BackgroundSpec.Gray;
        error = null;
        var value = text?.Trim() ?? "";
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var mode = (colon < 0 ? value : value[..colon]).ToLowerInvariant();
        var argument = colon < 0 ? null : value[(colon + 1)..];
        (spec, error) = mode switch
        {
            "gray" when argument is null => (BackgroundSpec.Gray, null),
            "transparent" when argument is null => (new BackgroundSpec { Mode = BackgroundMode.Transparent }, null),
            "color" => ParseColor(argument),
            "blur" => ParseBlur(argument),
            "image" => ParseImage(argument),
            _ => (BackgroundSpec.Gray, $"--background '{value}' is not one of {Syntax}"),
        };
        return error is null;
    }

    private static (BackgroundSpec, string?) ParseColor(string? argument)
    {
        var parts = argument?.Split(',') ?? [];
        var channels = new byte[3];
        if (parts.Length != 3 || parts.Where((p, i) => !byte.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out channels[i])).Any())
        {
            return (BackgroundSpec.Gray, $"--background color:R,G,B needs three whole numbers from 0 to 255, got 'color:{argument}'");
        }
        return (new BackgroundSpec { Mode = BackgroundMode.Color, Red = channels[0], Green = channels[1], Blue = channels[2] }, null);
    }

    private static (BackgroundSpec, string?) ParseBlur(string? argument)
    {
        var radius = BackgroundSpec.DefaultBlurRadius;
        if (argument is not null
            && (!int.TryParse(argument.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out radius) || radius < 1 || radius > BackgroundSpec.MaxBlurRadius))
        {
            return (BackgroundSpec.Gray, $"--background blur:RADIUS needs a radius from 1 to {BackgroundSpec.MaxBlurRadius} pixels, got 'blur:{argument}'");
        }
        return (new BackgroundSpec { Mode = BackgroundMode.Blur, BlurRadius = radius }, null);
    }

    private static (BackgroundSpec, string?) ParseImage(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (BackgroundSpec.Gray, "--background image:PATH needs the path of a PNG or JPEG file");
        }
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > BackgroundSpec.MaxImageBytes)
            {
                return (BackgroundSpec.Gray, $"--background image '{path}' is {length} bytes, more than the {BackgroundSpec.MaxImageBytes / (1024 * 1024)} MiB cap");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (BackgroundSpec.Gray, $"--background image '{path}' cannot be read: {ex.Message}");
        }
        if (!IsPngOrJpeg(bytes) || !Decodes(bytes))
        {
            return (BackgroundSpec.Gray, $"--background image '{path}' is not a readable PNG or JPEG");
        }
        return (new BackgroundSpec { Mode = BackgroundMode.Image, ImageBytes = bytes, ImageName = Path.GetFileName(path) }, null);
    }

    private static bool IsPngOrJpeg(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    private static bool Decodes(byte[] bytes)
    {
        using var image = BackgroundImageDecoder.Decode(bytes);
        return image is not null;
    }
}
