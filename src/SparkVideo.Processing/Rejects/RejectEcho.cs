namespace SparkVideo.Processing.Rejects;

/// <summary>
/// The stderr echo of rejects, rate-limited so a flood cannot drown the console: the first
/// <see cref="PerSecond"/> rejects of each second are printed, the rest of that second become one
/// <c>... and N more rejected</c> line when it ends. Every reject is printed or counted in such a line.
/// </summary>
internal sealed class RejectEcho(TextWriter writer)
{
    public const int PerSecond = 5;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private long _windowStart;
    private bool _started;
    private int _shownInWindow;
    private long _suppressed;
    private Timer? _flushTimer;

    public void Write(string line)
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (!_started || now - _windowStart >= (long)Window.TotalMilliseconds)
            {
                _started = true;
                FlushLocked();
                _windowStart = now;
                _shownInWindow = 0;
            }
            if (_shownInWindow < PerSecond)
            {
                _shownInWindow++;
                writer.WriteLine(line);
                return;
            }
            if (_suppressed++ == 0)
            {
                // The count is printed when the window ends, even if no reject comes after it.
                _flushTimer ??= new Timer(_ => Flush());
                _flushTimer.Change(Window - TimeSpan.FromMilliseconds(now - _windowStart), Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Prints the pending "... and N more rejected" line now, if any (at shutdown).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_suppressed == 0)
        {
            return;
        }
        writer.WriteLine(RejectEchoLines.MoreRejected(_suppressed));
        _suppressed = 0;
    }
}
