using SparkVideo.ChildProcesses;

namespace SparkVideo.Soak.Job;

/// <summary>Samples a process's resident memory (VmRSS from /proc/&lt;pid&gt;/status) at a fixed interval.</summary>
public sealed class RssSampler : IDisposable
{
    private const int MaxSamples = 100_000;

    private readonly int _pid;
    private readonly List<long> _samples = [];
    private readonly Timer _timer;

    public RssSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    /// <summary>The samples so far, in bytes, oldest first.</summary>
    public IReadOnlyList<long> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        if (ResidentMemory.Bytes(_pid) is not { } rss)
        {
            return;
        }
        lock (_samples)
        {
            if (_samples.Count < MaxSamples)
            {
                _samples.Add(rss);
            }
        }
    }
}
