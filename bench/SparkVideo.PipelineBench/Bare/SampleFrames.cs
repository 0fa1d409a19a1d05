using OpenCvSharp;
using SparkVideo.PipelineBench.Infrastructure;
using SparkVideo.Vision;

namespace SparkVideo.PipelineBench.Bare;

/// <summary>
/// The sample video's frames decoded from the real file, resized to the benchmark size and JPEG-encoded the way
/// the camera server sends them, so the in-process loop starts from the same bytes the job receives.
/// </summary>
public static class SampleFrames
{
    /// <summary>The camera server's default JPEG quality.</summary>
    public const int CameraJpegQuality = 80;

    private const int MaxFrames = 1000;

    public static IReadOnlyList<byte[]> Load(string videoPath, int width, int height)
    {
        if (!File.Exists(videoPath))
        {
            throw new BenchException($"sample video not found: {videoPath}");
        }
        var frames = new List<byte[]>();
        using var capture = new VideoCapture(videoPath);
        using var frame = new Mat();
        using var resized = new Mat();
        while (frames.Count < MaxFrames && capture.Read(frame) && !frame.Empty())
        {
            Cv2.Resize(frame, resized, new Size(width, height), 0, 0, InterpolationFlags.Area);
            frames.Add(JpegFrameCodec.Encode(resized, CameraJpegQuality));
        }
        if (frames.Count == 0)
        {
            throw new BenchException($"no frame could be decoded from {videoPath}");
        }
        return frames;
    }
}
