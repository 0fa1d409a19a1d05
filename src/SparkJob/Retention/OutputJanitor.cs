namespace SparkVideo.Job.Retention;

/// <summary>The janitor's totals after a round over every folder.</summary>
public sealed record RetentionReport(long Deleted, long FrameFiles, long FrameBytes, string Policy);

/// <summary>
/// Applies the retention policy to the job's output folders (the output directory, or each camera's folder) on the
/// driver, every <see cref="Interval"/>, on a timer the job starts and disposes on exit. One round at a time: a
/// slow round delays the next instead of overlapping it. It reaches only folders this machine sees: on a cluster,
/// frames an executor wrote to its own local disk are out of its reach.
/// </summary>
public sealed class OutputJanitor : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<string> _folders;
    private readonly RetentionPolicy _policy;
    private readonly Action<RetentionReport> _report;
    private readonly Timer _timer;
    private readonly object _round = new();
    private readonly HashSet<string> _warned = [];
    private long _deleted;
    private bool _disposed;

    public OutputJanitor(IReadOnlyList<string> folders, RetentionPolicy policy, Action<RetentionReport> report)
    {
        _folders = folders;
        _policy = policy;
        _report = report;
        _timer = new Timer(_ => RunRound(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    public long Deleted => Interlocked.Read(ref _deleted);

    /// <summary>One sweep of every folder now (the timer's work; also called by tests).</summary>
    public RetentionReport? RunRound()
    {
        lock (_round)
        {
            if (_disposed)
            {
                return null;
            }
            long files = 0, bytes = 0;
            var now = DateTime.UtcNow;
            foreach (var folder in _folders)
            {
                try
                {
                    var sweep = FrameFolderSweep.Run(folder, _policy, now);
                    files += sweep.FrameFiles;
                    bytes += sweep.FrameBytes;
                    Interlocked.Add(ref _deleted, sweep.Deleted);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // A folder that cannot be listed now (gone, or no permission) is tried again at the next round;
                    // the query itself reports a folder it cannot write to.
                    WarnOnce(folder, ex);
                }
            }
            var report = new RetentionReport(Deleted, files, bytes, _policy.Describe());
            _report(report);
            _timer.Change(Interval, Timeout.InfiniteTimeSpan);
            return report;
        }
    }

    private void WarnOnce(string folder, Exception ex)
    {
        if (_warned.Add(folder))
        {
            Console.Error.WriteLine($"warning: retention cannot sweep '{folder}' now: {ex.Message}");
        }
    }

    /// <summary>Stops the timer; waits for a round in progress to finish, so no file is deleted after this returns.</summary>
    public void Dispose()
    {
        lock (_round)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }
}
