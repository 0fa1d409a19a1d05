using SparkVideo.Processes;

namespace SparkVideo.Reliability.Tests.Support;

/// <summary>Resident memory of a process from /proc/&lt;pid&gt;/status, sampled in the background to catch peaks.</summary>
public sealed class ProcessMemory : IDisposable
{
    private readonly int pid;
    private readonly Timer timer;
    private long peakBytes;

    public ProcessMemory(int pid, TimeSpan interval)
    {
        this.pid = pid;
        timer = new Timer(_ => Sample(), null, TimeSpan.Zero, interval);
    }

    /// <summary>The highest VmRSS seen so far (bytes).</summary>
    public long PeakBytes => Interlocked.Read(ref peakBytes);

    public long PeakMegabytes => PeakBytes / (1024 * 1024);

    public void Sample()
    {
        if (ResidentMemory.Bytes(pid) is not { } rss)
        {
            return;
        }
        long seen;
        do
        {
            seen = Interlocked.Read(ref peakBytes);
        }
        while (rss > seen && Interlocked.CompareExchange(ref peakBytes, rss, seen) != seen);
    }

    public void Dispose() => timer.Dispose();
}
