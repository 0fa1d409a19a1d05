using OpenCvSharp;

namespace SparkVideo.CameraServer.Sources;

/// <summary>
/// Any video file OpenCV can decode. The file is probed at open time (a first frame must decode) so that
/// a missing or non-video file is reported before the server starts listening.
/// </summary>
internal sealed class VideoFileFrameSource : IFrameSource
{
    // OpenCV's CAP_PROP_N_THREADS (open-only, FFmpeg back-end), not named in OpenCvSharp's enum. One decoder thread: at a
    // paced rate FFmpeg's frame threads only add wake-ups and hand-overs, which cost more CPU per frame than they save.
    private const int DecoderThreadsProperty = 70;
    private const int DecoderThreads = 1;

    private readonly VideoCapture _capture;
    private readonly bool _loop;

    public VideoFileFrameSource(string path, bool loop)
    {
        _loop = loop;
        if (!File.Exists(path))
        {
            throw new FrameSourceException($"video file not found: {path}");
        }
        _capture = OpenCvLogging.Quietly(() => OpenAndProbe(path));
        var frameCount = _capture.FrameCount > 0 ? $", {_capture.FrameCount} frames" : "";
        Description = $"video file {path} ({_capture.FrameWidth}x{_capture.FrameHeight}{frameCount}{(loop ? ", loop" : "")})";
    }

    public string Description { get; }

    public bool IsLive => false;

    /// <summary>How many times a looped file has started over.</summary>
    public int PassesCompleted { get; private set; }

    public bool TryRead(Mat frame, CancellationToken cancellation)
    {
        if (_capture.Read(frame) && !frame.Empty())
        {
            return true;
        }
        if (!_loop || !Rewind())
        {
            return false;
        }
        return _capture.Read(frame) && !frame.Empty();
    }

    private bool Rewind()
    {
        if (!_capture.Set(VideoCaptureProperties.PosFrames, 0))
        {
            return false;
        }
        PassesCompleted++;
        return true;
    }

    private static VideoCapture OpenAndProbe(string path)
    {
        var capture = new VideoCapture(path, VideoCaptureAPIs.ANY, [DecoderThreadsProperty, DecoderThreads]);
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

    public void Dispose() => _capture.Dispose();
}
