using OpenCvSharp;
using SparkVideo.Vision;

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

    public static SampleVideo Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"video not found: '{path}'", path);
        }
        using var capture = new VideoCapture(path);
        using var frame = new Mat();
        using var resized = new Mat();
        var jpegs = new List<byte[]>();
        while (jpegs.Count < MaxFrames && capture.Read(frame) && !frame.Empty())
        {
            Cv2.Resize(frame, resized, new Size(Width, Height));
            jpegs.Add(JpegFrameCodec.Encode(resized, 80));
        }
        if (jpegs.Count == 0)
        {
            throw new InvalidDataException($"no frame could be read from '{path}'");
        }
        return new SampleVideo(jpegs);
    }
}
