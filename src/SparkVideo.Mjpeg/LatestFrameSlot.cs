namespace SparkVideo.Mjpeg;

/// <summary>
/// The newest JPEG and nothing else, between one producer and any number of viewers. Publishing replaces the
/// frame and never waits for a viewer; a viewer awaits a frame newer than the one it sent last, so a slow viewer
/// skips frames instead of queueing them. A frame can be published as a loader: its bytes are read once, when the
/// first viewer asks for them, so frames nobody watches cost nothing.
/// </summary>
public sealed class LatestFrameSlot
{
    private readonly object _gate = new();
    private SlotFrame? _latest;
    private TaskCompletionSource _published = NewSignal();

    public SlotFrame? Latest => Volatile.Read(ref _latest);

    public void Publish(byte[] jpeg) => Publish(() => jpeg);

    /// <summary>Publishes a frame whose bytes <paramref name="load"/> reads on first demand (null: it is gone).</summary>
    public void Publish(Func<byte[]?> load)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            _latest = new SlotFrame((_latest?.Sequence ?? 0) + 1, load);
            wake = _published;
            _published = NewSignal();
        }
        wake.TrySetResult();
    }

    /// <summary>The newest frame once its sequence is above <paramref name="seenSequence"/>.</summary>
    public async Task<SlotFrame> WaitNewerAsync(long seenSequence, CancellationToken cancellation)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_latest is { } frame && frame.Sequence > seenSequence)
                {
                    return frame;
                }
                next = _published.Task;
            }
            await next.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    // Continuations run on the thread pool, never on the publisher's thread.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>One published JPEG; Sequence counts publications from 1.</summary>
public sealed class SlotFrame(long sequence, Func<byte[]?> load)
{
    private readonly Lazy<byte[]?> _jpeg = new(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public long Sequence { get; } = sequence;

    /// <summary>The JPEG, read on first use and shared by every viewer; null when it could not be read.</summary>
    public byte[]? Jpeg => _jpeg.Value;
}
