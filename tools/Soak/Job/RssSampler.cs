using System.Globalization;

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

    public static long? ReadRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process is gone.
        }
        return null;
    }

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        if (ReadRss(pid) is not { } rss)
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
