namespace CameraServer.Streaming;

/// <summary>
/// The --max-frames limit, counted over all consumers: a frame is reserved before it is sent and released
/// if the send fails, so exactly N frames reach consumers.
/// </summary>
internal sealed class SendBudget(int? maxFrames)
{
    private long reserved;
    private long sent;

    public bool TryReserve()
    {
        if (maxFrames is not { } max)
        {
            return true;
        }
        if (Interlocked.Increment(ref reserved) <= max)
        {
            return true;
        }
        Interlocked.Decrement(ref reserved);
        return false;
    }

    public void Release()
    {
        if (maxFrames is not null)
        {
            Interlocked.Decrement(ref reserved);
        }
    }

    /// <summary>Records a delivered frame; true exactly once, when the last allowed frame was sent.</summary>
    public bool MarkSent() => Interlocked.Increment(ref sent) == maxFrames;
}
