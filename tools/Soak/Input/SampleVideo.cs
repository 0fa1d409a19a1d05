using SparkVideo.Testing;

namespace SparkVideo.Soak.Input;

/// <summary>The frames of a video as base64 JPEGs, encoded once and re-used for every line sent.</summary>
public sealed class SampleVideo
{
    public const int Width = 640;
    public const int Height = 480;
    private const int MaxFrames = 300;

    private SampleVideo(IReadOnlyList<byte[]> jpegs)
    {
        Jpegs = jpegs;
        Base64 = [.. jpegs.Select(Convert.ToBase64String)];
    }

    public IReadOnlyList<byte[]> Jpegs { get; }

    public IReadOnlyList<string> Base64 { get; }

    public static SampleVideo Load(string path) => new(VideoJpegs.Encode(path, Width, Height, MaxFrames));
}
