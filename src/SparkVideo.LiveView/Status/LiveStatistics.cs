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

    private readonly object gate = new();
    private readonly Queue<StatusPoint> series = new();
    private readonly Queue<RejectEntry> recentRejects = new();
    private readonly List<double> windowLatencies = [];
    private readonly long startedTicks = Environment.TickCount64;
    private long windowStartTicks = Environment.TickCount64;
    private long processed;
    private long windowProcessed;
    private long rejected;
    private long windowInputRows;
    private double windowBatchMsSum;
    private int windowBatches;
    private bool progressReported;
    private long? droppedTotal;
    private long? lastBatchId;

    public void RecordFrame(long captureUnixMs, long writtenUnixMs)
    {
        lock (gate)
        {
            processed++;
            windowProcessed++;
            if (windowLatencies.Count < MaxLatencySamplesPerSecond)
            {
                windowLatencies.Add(writtenUnixMs - captureUnixMs);
            }
        }
    }

    /// <summary>Sets the total after a rescan of the directory (the events in between were lost).</summary>
    public void ResyncProcessed(long total)
    {
        lock (gate)
        {
            windowProcessed += Math.Max(0, total - processed);
            processed = total;
        }
    }

    public void RecordRejects(IReadOnlyCollection<RejectEntry> entries)
    {
        lock (gate)
        {
            rejected += entries.Count;
            foreach (var entry in entries)
            {
                recentRejects.Enqueue(entry);
                if (recentRejects.Count > RecentRejectsKept)
                {
                    recentRejects.Dequeue();
                }
            }
        }
    }

    public void RecordProgress(QueryProgressSample progress)
    {
        lock (gate)
        {
            progressReported = true;
            lastBatchId = progress.BatchId;
            droppedTotal = progress.DroppedLinesTotal;
            windowInputRows += progress.InputRows;
            windowBatchMsSum += progress.DurationMs;
            windowBatches++;
        }
    }

    /// <summary>Closes the current second: one chart point from what happened since the previous call.</summary>
    public void CloseSecond()
    {
        lock (gate)
        {
            var now = Environment.TickCount64;
            var seconds = Math.Max(1, now - windowStartTicks) / 1000.0;
            windowLatencies.Sort();
            series.Enqueue(new StatusPoint(
                DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                progressReported ? Math.Round(windowInputRows / seconds, 2) : null,
                Math.Round(windowProcessed / seconds, 2),
                windowBatches > 0 ? Math.Round(windowBatchMsSum / windowBatches, 1) : null,
                Percentile(windowLatencies, 0.50),
                Percentile(windowLatencies, 0.99)));
            if (series.Count > SeriesLength)
            {
                series.Dequeue();
            }
            windowStartTicks = now;
            windowProcessed = windowInputRows = 0;
            windowBatchMsSum = windowBatches = 0;
            windowLatencies.Clear();
        }
    }

    public StatusSnapshot Snapshot(int viewers, int maxViewers, string? cameraPreviewUrl)
    {
        lock (gate)
        {
            return new StatusSnapshot(
                processed, rejected, droppedTotal, lastBatchId, progressReported, viewers, maxViewers, cameraPreviewUrl,
                Math.Round((Environment.TickCount64 - startedTicks) / 1000.0, 1), [.. series], [.. recentRejects]);
        }
    }

    private static double? Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? null : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
