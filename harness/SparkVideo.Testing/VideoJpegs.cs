using OpenCvSharp;

namespace SparkVideo.Testing;

/// <summary>
/// A video's frames resized and JPEG-encoded the way the camera server sends them, read from the real file
/// once, so tests, the soak and the benchmarks all start from the bytes the job really receives.
/// </summary>
public static class VideoJpegs
{
    /// <summary>The camera server's default JPEG quality.</summary>
    public const int CameraJpegQuality = 80;

    /// <summary>
    /// The first <paramref name="maxFrames"/> frames (fewer if the video is shorter). Throws
    /// <see cref="FileNotFoundException"/> for a missing file and <see cref="InvalidDataException"/> when it
    /// yields fewer than <paramref name="minFrames"/> frames.
    /// </summary>
    public static IReadOnlyList<byte[]> Encode(string videoPath, int width, int height, int maxFrames, int minFrames = 1)
    {
        if (!File.Exists(videoPath))
        {
            throw new FileNotFoundException($"video not found: '{videoPath}'", videoPath);
        }
        using var capture = new VideoCapture(videoPath);
        using var frame = new Mat();
        using var resized = new Mat();
        var size = new Size(width, height);
        var jpegs = new List<byte[]>();
        while (jpegs.Count < maxFrames && capture.Read(frame) && !frame.Empty())
        {
            Cv2.Resize(frame, resized, size, 0, 0, InterpolationFlags.Area);
            Cv2.ImEncode(".jpg", resized, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, CameraJpegQuality));
            jpegs.Add(jpeg);
        }
        if (jpegs.Count < minFrames)
        {
            throw new InvalidDataException($"'{videoPath}' yielded {jpegs.Count} frames, fewer than the {minFrames} needed");
        }
        return jpegs;
    }
}
