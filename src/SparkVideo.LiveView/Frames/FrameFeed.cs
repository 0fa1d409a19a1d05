using SparkVideo.LiveView.Web;

using SparkVideo.Mjpeg;

namespace SparkVideo.LiveView.Frames;

/// <summary>
/// One MJPEG stream of the live view and what feeds it: the newest frame (a frame captured before the one shown
/// is skipped, so the picture never steps back), the frames counted for it, and its own viewer cap.
/// </summary>
internal sealed class FrameFeed
{
    private readonly object _gate = new();
    private long _newestCaptureMs = long.MinValue;
    private long _processed;

    public LatestFrameSlot Slot { get; } = new();

    public ViewerGate Viewers { get; } = new(ViewerGate.DefaultCapacity);

    /// <summary>Frames counted since the live view started (or since the last <see cref="ResyncProcessed"/>).</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Counts a new frame and shows it unless a later capture is shown already.</summary>
    public void Offer(long captureMs, Func<byte[]?> load)
    {
        Interlocked.Increment(ref _processed);
        lock (_gate)
        {
            if (captureMs < _newestCaptureMs)
            {
                return; // another partition was faster with a later frame; showing this one would step back
            }
            _newestCaptureMs = captureMs;
        }
        Slot.Publish(load);
    }

    /// <summary>Sets the count after a rescan of the directory (the events in between were lost).</summary>
    public void ResyncProcessed(long total) => Interlocked.Exchange(ref _processed, total);
}
