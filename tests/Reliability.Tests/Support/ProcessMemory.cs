using SparkVideo.ChildProcesses;

namespace SparkVideo.Reliability.Tests.Support;

/// <summary>Resident memory of a process from /proc/&lt;pid&gt;/status, sampled in the background to catch peaks.</summary>
public sealed class ProcessMemory : IDisposable
{
    private readonly int _pid;
    private readonly Timer _timer;
    private long _peakBytes;

    public ProcessMemory(int pid, TimeSpan interval)
    {
        _pid = pid;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, interval);
    }

    /// <summary>The highest VmRSS seen so far (bytes).</summary>
    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    public long PeakMegabytes => PeakBytes / (1024 * 1024);

    public void Sample()
    {
        if (ResidentMemory.Bytes(_pid) is not { } rss)
        {
            return;
        }
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peakBytes);
        }
        while (rss > seen && Interlocked.CompareExchange(ref _peakBytes, rss, seen) != seen);
    }

    public void Dispose() => _timer.Dispose();
}
