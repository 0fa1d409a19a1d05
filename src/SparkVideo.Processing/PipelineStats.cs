using System.Globalization;

namespace SparkVideo.Processing;

/// <summary>
/// Per-process counters and latency samples, printed as one summary line every few seconds:
/// <c>[stats] 10.0 frames/s | latency p50 41 ms, p99 77 ms | processed 1200 | rejected 3 | dropped 0</c>
/// ("dropped": over-long lines the source discarded, on backends that report it).
/// Latency is from the frame's capture timestamp to its file being written. A negative one means the camera's
/// clock is ahead of this machine's: such frames are counted apart (<c>| camera clock ahead N</c>) and kept out
/// of the percentiles, which would otherwise mix two clocks.
/// </summary>
public sealed class PipelineStats
{
    private const int MaxSamplesPerWindow = 4096;

    public static PipelineStats Instance { get; } = new();

    private readonly object gate = new();
    private readonly List<double> windowLatenciesMs = new(MaxSamplesPerWindow);
    private long processed;
    private long rejected;
    private long clockAhead;
    private long sourceDroppedLines = -1;
    private long processedAtLastReport;
    private long rejectedAtLastReport;
    private long lastReportTicks = Environment.TickCount64;
    private Timer? timer;

    public long Processed => Interlocked.Read(ref processed);
    public long Rejected => Interlocked.Read(ref rejected);

    /// <summary>Frames processed whose capture time was later than the moment their file was written.</summary>
    public long ClockAhead => Interlocked.Read(ref clockAhead);

    public void RecordRejected() => Interlocked.Increment(ref rejected);

    /// <summary>Lines the source dropped over its line-length cap, where the backend reports it (cumulative).</summary>
    public void RecordSourceDroppedLines(long total) => Interlocked.Exchange(ref sourceDroppedLines, total);

    /// <summary>Prints the summary every <paramref name="intervalSeconds"/> (0: only when asked); the first call wins.</summary>
    public void StartReporting(int intervalSeconds)
    {
        lock (gate)
        {
            if (timer is null && intervalSeconds > 0)
            {
                var period = TimeSpan.FromSeconds(intervalSeconds);
                timer = new Timer(_ => Report(), null, period, period);
            }
        }
    }

    public void RecordProcessed(double captureTimestamp)
    {
        var latencyMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - captureTimestamp * 1000.0;
        Interlocked.Increment(ref processed);
        if (latencyMs < 0)
        {
            Interlocked.Increment(ref clockAhead);
        }
        lock (gate)
        {
            if (latencyMs >= 0 && windowLatenciesMs.Count < MaxSamplesPerWindow)
            {
                windowLatenciesMs.Add(latencyMs);
            }
        }
    }

    /// <summary>Prints the summary for the window since the last report, if anything happened in it.</summary>
    public void Report()
    {
        if (TakeSummary() is { } line)
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>The summary line for the window since the last one (and starts a new window); null when nothing happened.</summary>
    public string? TakeSummary()
    {
        double[] samples;
        long done, sinceLast, elapsedMs, rejectedNow, rejectedBefore;
        lock (gate)
        {
            var now = Environment.TickCount64;
            done = Processed;
            rejectedNow = Rejected;
            rejectedBefore = rejectedAtLastReport;
            rejectedAtLastReport = rejectedNow;
            sinceLast = done - processedAtLastReport;
            elapsedMs = Math.Max(1, now - lastReportTicks);
            samples = [.. windowLatenciesMs];
            windowLatenciesMs.Clear();
            processedAtLastReport = done;
            lastReportTicks = now;
        }
        if (sinceLast == 0 && samples.Length == 0 && rejectedNow == rejectedBefore)
        {
            return null;
        }
        Array.Sort(samples);
        var fps = sinceLast * 1000.0 / elapsedMs;
        var dropped = Interlocked.Read(ref sourceDroppedLines);
        var ahead = ClockAhead;
        var latency = samples.Length == 0
            ? "latency n/a"
            : string.Create(CultureInfo.InvariantCulture, $"latency p50 {Percentile(samples, 0.50):F0} ms, p99 {Percentile(samples, 0.99):F0} ms");
        return string.Create(CultureInfo.InvariantCulture,
            $"[stats] {fps:F1} frames/s | {latency} | processed {done} | rejected {rejectedNow}{(dropped >= 0 ? $" | dropped {dropped}" : "")}{(ahead > 0 ? $" | camera clock ahead {ahead}" : "")}");
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
