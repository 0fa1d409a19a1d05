using SparkVideo.CommandLine;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>A frame size written WIDTHxHEIGHT on the command line.</summary>
public readonly record struct FrameSize(int Width, int Height)
{
    public static readonly FrameSize Vga = new(640, 480);

    public override string ToString() => $"{Width}x{Height}";

    public static FrameSize Parse(string text)
    {
        var parts = text.Trim().Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && w is >= 16 and <= 4096 && h is >= 16 and <= 4096)
        {
            return new FrameSize(w, h);
        }
        throw new UsageException($"'{text}' is not a frame size WIDTHxHEIGHT between 16 and 4096");
    }
}
