namespace SparkVideo.Engine.Sources;

/// <summary>One received line and its size in bytes as it arrived.</summary>
internal readonly record struct ReceivedLine(string Value, int Bytes);

/// <summary>
/// The bounded hand-off between the socket reader thread and the micro-batch loop. Add blocks while the buffer holds
/// MaxLines lines or MaxBytes bytes, so a slow query stops the reader and TCP flow control reaches the producer.
/// <paramref name="dataArrived"/>, when given, is set on every add: one event lets a query wait on several buffers.
/// </summary>
internal sealed class BoundedLineBuffer(int maxLines, long maxBytes, EventWaitHandle? dataArrived = null)
{
    private readonly Queue<ReceivedLine> _lines = new();
    private readonly object _lock = new(); // Monitor.Wait/Pulse need an object lock
    private long _bytes;
    private int _highWaterMark;

    public int Count
    {
        get { lock (_lock) return _lines.Count; }
    }

    /// <summary>The most lines the buffer has ever held at once.</summary>
    public int HighWaterMark
    {
        get { lock (_lock) return _highWaterMark; }
    }

    /// <summary>Adds a line, waiting while the buffer is full; throws OperationCanceledException when cancelled.</summary>
    public void Add(ReceivedLine line, CancellationToken cancellation)
    {
        lock (_lock)
        {
            while (_lines.Count >= maxLines || (_lines.Count > 0 && _bytes + line.Bytes > maxBytes))
            {
                cancellation.ThrowIfCancellationRequested();
                Monitor.Wait(_lock, 50);
            }
            _lines.Enqueue(line);
            _bytes += line.Bytes;
            _highWaterMark = Math.Max(_highWaterMark, _lines.Count);
            Monitor.PulseAll(_lock);
        }
        dataArrived?.Set();
    }

    /// <summary>Takes up to max lines, oldest first, and wakes a waiting reader.</summary>
    public List<ReceivedLine> TakeUpTo(int max)
    {
        lock (_lock)
        {
            var taken = new List<ReceivedLine>(Math.Min(max, _lines.Count));
            while (taken.Count < max && _lines.TryDequeue(out ReceivedLine line))
            {
                _bytes -= line.Bytes;
                taken.Add(line);
            }
            Monitor.PulseAll(_lock);
            return taken;
        }
    }
}
