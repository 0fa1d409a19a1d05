using SparkVideo.Processes;

namespace SparkVideo.Soak.Job;

/// <summary>Samples a process's resident memory (VmRSS from /proc/&lt;pid&gt;/status) at a fixed interval.</summary>
public sealed class RssSampler : IDisposable
{
    private const int MaxSamples = 100_000;

    private readonly int pid;
    private readonly List<long> samples = [];
    private readonly Timer timer;

    public RssSampler(int pid, TimeSpan interval)
    {
        this.pid = pid;
        timer = new Timer(_ => Sample(), null, interval, interval);
    }

    /// <summary>The samples so far, in bytes, oldest first.</summary>
    public IReadOnlyList<long> Samples
    {
        get
        {
            lock (samples)
            {
                return [.. samples];
            }
        }
    }

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        if (ResidentMemory.Bytes(pid) is not { } rss)
        {
            return;
        }
        lock (samples)
        {
            if (samples.Count < MaxSamples)
            {
                samples.Add(rss);
            }
        }
    }
}
