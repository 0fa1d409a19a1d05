namespace SparkVideo.CameraServer.Streaming;

/// <summary>
/// The --max-frames limit, counted over all consumers: a frame is reserved before it is sent and released
/// if the send fails, so exactly N frames reach consumers.
/// </summary>
internal sealed class SendBudget(int? maxFrames)
{
    private long _reserved;
    private long _sent;

    public bool TryReserve()
    {
        if (maxFrames is not { } max)
        {
            return true;
        }
        if (Interlocked.Increment(ref _reserved) <= max)
        {
            return true;
        }
        Interlocked.Decrement(ref _reserved);
        return false;
    }

    public void Release()
    {
        if (maxFrames is not null)
        {
            Interlocked.Decrement(ref _reserved);
        }
    }

    /// <summary>Records a delivered frame; true exactly once, when the last allowed frame was sent.</summary>
    public bool MarkSent() => Interlocked.Increment(ref _sent) == maxFrames;
}
