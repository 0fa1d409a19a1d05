using System.Globalization;
using OpenCvSharp;

namespace SparkVideo.FramesToVideo;

/// <summary>
/// Writes one camera's frames as a video with OpenCV's VideoWriter. A transparent run's PNG frames are laid on the
/// project's gray (192,192,192), since neither codec keeps alpha; a frame of another size than the first is scaled
/// to it; a frame that does not decode is skipped and counted.
/// </summary>
public sealed class VideoEncoder(TextWriter progress)
{
    private static readonly Scalar Gray = new(192, 192, 192);

    public sealed record Result(string Path, VideoFormat Format, int Written, int Unreadable, int Resized, Size Size, double Fps);

    /// <summary>Writes <paramref name="frames"/> into <paramref name="outputStem"/> + .mp4 (or .avi); falls back to AVI when mp4v cannot be written.</summary>
    public Result Write(string name, IReadOnlyList<FrameFile> frames, string outputStem, VideoFormat format, double fps)
    {
        using var first = FirstReadable(frames, out var skipped);
        var size = first.Size();
        var (writer, path, actualFormat) = Open(outputStem, format, fps, size);
        using (writer)
        {
            int frameCount = 0, unreadable = skipped, resized = 0;
            var nextReport = 0.1;
            foreach (var (frame, index) in frames.Select((f, i) => (f, i)).Skip(skipped))
            {
                using var image = index == skipped ? first.Clone() : Read(frame.Path);
                if (image is null)
                {
                    unreadable++;
                    continue;
                }
                if (image.Size() != size)
                {
                    Cv2.Resize(image, image, size, 0, 0, InterpolationFlags.Area);
                    resized++;
                }
                writer.Write(image);
                frameCount++;
                if ((double)(index + 1) / frames.Count >= nextReport || index + 1 == frames.Count)
                {
                    progress.WriteLine($"{name}: {(index + 1).ToString(CultureInfo.InvariantCulture)}/{frames.Count.ToString(CultureInfo.InvariantCulture)} frames");
                    nextReport = Math.Floor((double)(index + 1) / frames.Count * 10 + 1) / 10;
                }
            }
            return new Result(path, actualFormat, frameCount, unreadable, resized, size, fps);
        }
    }

    private static Mat FirstReadable(IReadOnlyList<FrameFile> frames, out int skipped)
    {
        for (skipped = 0; skipped < frames.Count; skipped++)
        {
            if (Read(frames[skipped].Path) is { } image)
            {
                return image;
            }
        }
        throw new FramesToVideoException($"none of the {frames.Count} frames in '{Path.GetDirectoryName(frames[0].Path)}' can be decoded");
    }

    private (VideoWriter Writer, string Path, VideoFormat Format) Open(string outputStem, VideoFormat format, double fps, Size size)
    {
        if (format == VideoFormat.Mp4)
        {
            var mp4 = outputStem + ".mp4";
            var writer = new VideoWriter(mp4, FourCC.FromString("mp4v"), fps, size);
            if (writer.IsOpened())
            {
                return (writer, mp4, VideoFormat.Mp4);
            }
            writer.Dispose();
            TryDelete(mp4);
            progress.WriteLine($"note: this OpenCV build cannot write mp4v to '{mp4}'; writing Motion JPEG AVI instead");
        }
        var avi = outputStem + ".avi";
        var mjpg = new VideoWriter(avi, FourCC.MJPG, fps, size);
        if (!mjpg.IsOpened())
        {
            mjpg.Dispose();
            throw new FramesToVideoException($"cannot write a video to '{avi}'");
        }
        return (mjpg, avi, VideoFormat.Avi);
    }

    /// <summary>The frame as BGR; null when the file cannot be read or decoded.</summary>
    private static Mat? Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var image = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
        if (image.Empty() || image.Depth() != MatType.CV_8U)
        {
            image.Dispose();
            return null;
        }
        if (image.Channels() == 3)
        {
            return image;
        }
        using (image)
        {
            return image.Channels() == 4 ? OnGray(image) : image.CvtColor(ColorConversionCodes.GRAY2BGR);
        }
    }

    /// <summary>colour · α + gray · (1 − α), the same blend the job's gray background makes.</summary>
    private static Mat OnGray(Mat bgra)
    {
        using var bgr = bgra.CvtColor(ColorConversionCodes.BGRA2BGR);
        using var alpha = new Mat();
        Cv2.ExtractChannel(bgra, alpha, 3);
        using var weight = new Mat();
        alpha.ConvertTo(weight, MatType.CV_32FC1, 1.0 / 255);
        using var inverse = new Mat();
        weight.ConvertTo(inverse, MatType.CV_32FC1, -1.0, 1.0);
        using var gray = new Mat(bgra.Size(), MatType.CV_8UC3, Gray);
        var result = new Mat();
        Cv2.BlendLinear(bgr, gray, weight, inverse, result);
        return result;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An empty file the failed writer may have left; the AVI is what counts.
        }
    }
}
