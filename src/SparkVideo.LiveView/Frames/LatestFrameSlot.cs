namespace SparkVideo.LiveView.Frames;

/// <summary>
/// The newest JPEG and nothing else, between one producer and any number of viewers. Publishing replaces the
/// frame and never waits for a viewer; a viewer awaits a frame newer than the one it sent last, so a slow viewer
/// skips frames instead of queueing them.
/// </summary>
public sealed class LatestFrameSlot
{
    private readonly object gate = new();
    private SlotFrame? latest;
    private TaskCompletionSource published = NewSignal();

    public SlotFrame? Latest => Volatile.Read(ref latest);

    public void Publish(byte[] jpeg)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            latest = new SlotFrame((latest?.Sequence ?? 0) + 1, jpeg);
            wake = published;
            published = NewSignal();
        }
        wake.TrySetResult();
    }

    /// <summary>The newest frame once its sequence is above <paramref name="seenSequence"/>.</summary>
    public async Task<SlotFrame> WaitNewerAsync(long seenSequence, CancellationToken cancellation)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (latest is { } frame && frame.Sequence > seenSequence)
                {
                    return frame;
                }
                next = published.Task;
            }
            await next.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    // Continuations run on the thread pool, never on the publisher's thread.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>One published JPEG; Sequence counts publications from 1.</summary>
public sealed record SlotFrame(long Sequence, byte[] Jpeg);
