namespace SparkVideo.LiveView.Status;

/// <summary>
/// What the driver learned about one finished micro-batch, where the backend reports it (the embedded engine):
/// its id, the rows it read, its whole duration, the lines the source dropped so far, and the frames so far whose mask
/// the model computed (fewer than the frames with mask reuse), where the driver is also the executor.
/// </summary>
public sealed record QueryProgressSample(long BatchId, long InputRows, long DurationMs, long DroppedLinesTotal, long? InferencesTotal = null);
