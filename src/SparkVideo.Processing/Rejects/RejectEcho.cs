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

    private readonly object gate = new();
    private long windowStart;
    private bool started;
    private int shownInWindow;
    private long suppressed;
    private Timer? flushTimer;

    public void Write(string line)
    {
        lock (gate)
        {
            var now = Environment.TickCount64;
            if (!started || now - windowStart >= (long)Window.TotalMilliseconds)
            {
                started = true;
                FlushLocked();
                windowStart = now;
                shownInWindow = 0;
            }
            if (shownInWindow < PerSecond)
            {
                shownInWindow++;
                writer.WriteLine(line);
                return;
            }
            if (suppressed++ == 0)
            {
                // The count is printed when the window ends, even if no reject comes after it.
                flushTimer ??= new Timer(_ => Flush());
                flushTimer.Change(Window - TimeSpan.FromMilliseconds(now - windowStart), Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Prints the pending "... and N more rejected" line now, if any (at shutdown).</summary>
    public void Flush()
    {
        lock (gate)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (suppressed == 0)
        {
            return;
        }
        writer.WriteLine(RejectEchoLines.MoreRejected(suppressed));
        suppressed = 0;
    }
}
