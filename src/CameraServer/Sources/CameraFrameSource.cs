using OpenCvSharp;

namespace SparkVideo.CameraServer.Sources;

/// <summary>A webcam opened by index through OpenCV's VideoCapture.</summary>
internal sealed class CameraFrameSource : IFrameSource
{
    // A camera may drop a frame now and then; only a run of failures means it is gone.
    private const int MaxConsecutiveFailures = 25;

    private readonly VideoCapture _capture;
    private readonly int _index;

    public CameraFrameSource(int index, int requestedWidth, int requestedHeight)
    {
        _index = index;
        _capture = OpenCvLogging.Quietly(() =>
        {
            var opened = new VideoCapture(index);
            if (!opened.IsOpened())
            {
                opened.Dispose();
                throw new FrameSourceException($"camera {index} could not be opened (no such device, or it is busy)");
            }
            // A hint only: frames are resized to the requested size anyway.
            opened.Set(VideoCaptureProperties.FrameWidth, requestedWidth);
            opened.Set(VideoCaptureProperties.FrameHeight, requestedHeight);
            return opened;
        });
        Description = $"camera {index} ({_capture.FrameWidth}x{_capture.FrameHeight})";
    }

    public string Description { get; }

    public bool IsLive => true;

    public bool TryRead(Mat frame, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < MaxConsecutiveFailures; attempt++)
        {
            if (_capture.Read(frame) && !frame.Empty())
            {
                return true;
            }
        }
        throw new FrameSourceException($"camera {_index} stopped delivering frames");
    }

    public void Dispose() => _capture.Dispose();
}
