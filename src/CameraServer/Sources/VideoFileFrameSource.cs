using OpenCvSharp;

namespace CameraServer.Sources;

/// <summary>
/// Any video file OpenCV can decode. The file is probed at open time (a first frame must decode) so that
/// a missing or non-video file is reported before the server starts listening.
/// </summary>
internal sealed class VideoFileFrameSource : IFrameSource
{
    private readonly VideoCapture capture;
    private readonly bool loop;

    public VideoFileFrameSource(string path, bool loop)
    {
        this.loop = loop;
        if (!File.Exists(path))
        {
            throw new FrameSourceException($"video file not found: {path}");
        }
        capture = OpenCvLogging.Quietly(() => OpenAndProbe(path));
        var frameCount = capture.FrameCount > 0 ? $", {capture.FrameCount} frames" : "";
        Description = $"video file {path} ({capture.FrameWidth}x{capture.FrameHeight}{frameCount}{(loop ? ", loop" : "")})";
    }

    public string Description { get; }

    public bool IsLive => false;

    public bool TryRead(Mat frame)
    {
        if (capture.Read(frame) && !frame.Empty())
        {
            return true;
        }
        if (!loop || !Rewind())
        {
            return false;
        }
        return capture.Read(frame) && !frame.Empty();
    }

    private bool Rewind() => capture.Set(VideoCaptureProperties.PosFrames, 0);

    private static VideoCapture OpenAndProbe(string path)
    {
        var capture = new VideoCapture(path);
        try
        {
            using var probe = new Mat();
            if (!capture.IsOpened() || !capture.Read(probe) || probe.Empty() ||
                !capture.Set(VideoCaptureProperties.PosFrames, 0))
            {
                throw new FrameSourceException($"not a readable video file: {path}");
            }
            return capture;
        }
        catch
        {
            capture.Dispose();
            throw;
        }
    }

    public void Dispose() => capture.Dispose();
}
