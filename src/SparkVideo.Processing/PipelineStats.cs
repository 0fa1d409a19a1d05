using SparkVideo.Frames;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.Processing;

/// <summary>
/// Per-process counters and latency samples, printed as one summary line every few seconds (<see cref="StatsLine"/>):
/// <c>[stats] 10.0 frames/s | latency p50 41 ms, p99 77 ms | processed 1200 | rejected 3 | dropped 0</c>
/// ("dropped": over-long lines the source discarded, on backends that report it; "deleted": frame files the retention
/// janitor removed, once retention is on).
/// Latency is from the frame's capture timestamp to its file being written. A negative one means the camera's
/// clock is ahead of this machine's: such frames are counted apart (<c>| camera clock ahead N</c>) and kept out
/// of the percentiles, which would otherwise mix two clocks. With mask reuse on, <c>| inferences N</c> follows: how
/// many of the processed frames ran the model (the others reused a mask).
/// </summary>
public sealed class PipelineStats
{
    private const int MaxSamplesPerWindow = 4096;

    public const int DefaultIntervalSeconds = 5;

    public static PipelineStats Instance { get; } = new();

    private readonly object _gate = new();
    private readonly List<double> _windowLatenciesMs = new(MaxSamplesPerWindow);
    private long _processed;
    private long _rejected;
    private long _clockAhead;
    private long _sourceDroppedLines = -1;
    private long _inferences;
    private volatile bool _showsInferences;
    private long _deletedByRetention = -1;
    private long _processedAtLastReport;
    private long _rejectedAtLastReport;
    private long _lastReportTicks = Environment.TickCount64;
    private Timer? _timer;

    public long Processed => Interlocked.Read(ref _processed);
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Frames processed whose capture time was later than the moment their file was written.</summary>
    public long ClockAhead => Interlocked.Read(ref _clockAhead);

    /// <summary>Frames whose mask the model computed (the rest reused one, with mask reuse on).</summary>
    public long Inferences => Interlocked.Read(ref _inferences);

    public void RecordRejected() => Interlocked.Increment(ref _rejected);

    public void RecordMask(MaskOrigin origin)
    {
        if (origin == MaskOrigin.Segmented)
        {
            Interlocked.Increment(ref _inferences);
        }
    }

    /// <summary>Adds the inference count to the summary line (when mask reuse makes it differ from the frames').</summary>
    public void ShowInferences() => _showsInferences = true;

    /// <summary>Lines the source dropped over its line-length cap, where the backend reports it (cumulative).</summary>
    public void RecordSourceDroppedLines(long total) => Interlocked.Exchange(ref _sourceDroppedLines, total);

    /// <summary>Frame files the driver's retention janitor deleted so far (cumulative); shown once retention is on.</summary>
    public void RecordDeletedByRetention(long total) => Interlocked.Exchange(ref _deletedByRetention, total);

    /// <summary>Prints the summary every <paramref name="intervalSeconds"/> (0: only when asked); the first call wins.</summary>
    public void StartReporting(int intervalSeconds)
    {
        lock (_gate)
        {
            if (_timer is null && intervalSeconds > 0)
            {
                var period = TimeSpan.FromSeconds(intervalSeconds);
                _timer = new Timer(_ => Report(), null, period, period);
            }
        }
    }

    public void RecordProcessed(double captureTimestamp)
    {
        var latencyMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - captureTimestamp * 1000.0;
        Interlocked.Increment(ref _processed);
        if (latencyMs < 0)
        {
            Interlocked.Increment(ref _clockAhead);
        }
        lock (_gate)
        {
            if (latencyMs >= 0 && _windowLatenciesMs.Count < MaxSamplesPerWindow)
            {
                _windowLatenciesMs.Add(latencyMs);
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
        lock (_gate)
        {
            var now = Environment.TickCount64;
            done = Processed;
            rejectedNow = Rejected;
            rejectedBefore = _rejectedAtLastReport;
            _rejectedAtLastReport = rejectedNow;
            sinceLast = done - _processedAtLastReport;
            elapsedMs = Math.Max(1, now - _lastReportTicks);
            samples = [.. _windowLatenciesMs];
            _windowLatenciesMs.Clear();
            _processedAtLastReport = done;
            _lastReportTicks = now;
        }
        if (sinceLast == 0 && samples.Length == 0 && rejectedNow == rejectedBefore)
        {
            return null;
        }
        Array.Sort(samples);
        var dropped = Interlocked.Read(ref _sourceDroppedLines);
        var ahead = ClockAhead;
        var deleted = Interlocked.Read(ref _deletedByRetention);
        return new StatsLine(
            sinceLast * 1000.0 / elapsedMs,
            samples.Length == 0 ? null : Percentiles.Of(samples, 0.50),
            samples.Length == 0 ? null : Percentiles.Of(samples, 0.99),
            done,
            rejectedNow,
            Dropped: dropped >= 0 ? dropped : null,
            CameraClockAhead: ahead > 0 ? ahead : null,
            Inferences: _showsInferences ? Inferences : null,
            Deleted: deleted >= 0 ? deleted : null).Format();
    }
}
