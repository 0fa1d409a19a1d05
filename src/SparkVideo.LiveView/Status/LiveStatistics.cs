using SparkVideo.Frames;

namespace SparkVideo.LiveView.Status;

/// <summary>
/// The live view's counters and its per-second series (the last <see cref="SeriesLength"/> seconds), fed by the
/// output-directory watcher, the rejects.log reader and, where the backend has it, query progress. Thread-safe.
/// </summary>
internal sealed class LiveStatistics
{
    public const int SeriesLength = 120;
    public const int RecentRejectsKept = 10;
    private const int MaxLatencySamplesPerSecond = 4096;

    private readonly object _gate = new();
    private readonly Queue<StatusPoint> _series = new();
    private readonly Queue<RejectEntry> _recentRejects = new();
    private readonly List<double> _windowLatencies = [];
    private readonly long _startedTicks = Environment.TickCount64;
    private long _windowStartTicks = Environment.TickCount64;
    private long _processed;
    private long _windowProcessed;
    private long _rejected;
    private long _windowInputRows;
    private double _windowBatchMsSum;
    private int _windowBatches;
    private bool _progressReported;
    private long? _droppedTotal;
    private long? _lastBatchId;
    private long? _inferences;

    public void RecordFrame(long captureUnixMs, long writtenUnixMs)
    {
        lock (_gate)
        {
            _processed++;
            _windowProcessed++;
            if (_windowLatencies.Count < MaxLatencySamplesPerSecond)
            {
                _windowLatencies.Add(writtenUnixMs - captureUnixMs);
            }
        }
    }

    /// <summary>Sets the total after a rescan of the directory (the events in between were lost).</summary>
    public void ResyncProcessed(long total)
    {
        lock (_gate)
        {
            _windowProcessed += Math.Max(0, total - _processed);
            _processed = total;
        }
    }

    public void RecordRejects(IReadOnlyCollection<RejectEntry> entries)
    {
        lock (_gate)
        {
            _rejected += entries.Count;
            foreach (var entry in entries)
            {
                _recentRejects.Enqueue(entry);
                if (_recentRejects.Count > RecentRejectsKept)
                {
                    _recentRejects.Dequeue();
                }
            }
        }
    }

    public void RecordProgress(QueryProgressSample progress)
    {
        lock (_gate)
        {
            _progressReported = true;
            _lastBatchId = progress.BatchId;
            _droppedTotal = progress.DroppedLinesTotal;
            _inferences = progress.InferencesTotal;
            _windowInputRows += progress.InputRows;
            _windowBatchMsSum += progress.DurationMs;
            _windowBatches++;
        }
    }

    /// <summary>Closes the current second: one chart point from what happened since the previous call.</summary>
    public void CloseSecond()
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            var seconds = Math.Max(1, now - _windowStartTicks) / 1000.0;
            _windowLatencies.Sort();
            _series.Enqueue(new StatusPoint(
                DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                _progressReported ? Math.Round(_windowInputRows / seconds, 2) : null,
                Math.Round(_windowProcessed / seconds, 2),
                _windowBatches > 0 ? Math.Round(_windowBatchMsSum / _windowBatches, 1) : null,
                Percentile(_windowLatencies, 0.50),
                Percentile(_windowLatencies, 0.99)));
            if (_series.Count > SeriesLength)
            {
                _series.Dequeue();
            }
            _windowStartTicks = now;
            _windowProcessed = _windowInputRows = 0;
            _windowBatchMsSum = _windowBatches = 0;
            _windowLatencies.Clear();
        }
    }

    public StatusSnapshot Snapshot(int viewers, int maxViewers, string? cameraPreviewUrl)
    {
        lock (_gate)
        {
            return new StatusSnapshot(
                _processed, _rejected, _droppedTotal, _lastBatchId, _progressReported, viewers, maxViewers, cameraPreviewUrl,
                Math.Round((Environment.TickCount64 - _startedTicks) / 1000.0, 1), [.. _series], [.. _recentRejects], Inferences: _inferences);
        }
    }

    private static double? Percentile(List<double> sorted, double q) => sorted.Count == 0 ? null : Percentiles.Of(sorted, q);
}
