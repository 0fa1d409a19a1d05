namespace SparkVideo.LiveView.Status;

/// <summary>
/// What the driver learned about one finished micro-batch, where the backend reports it (the embedded engine):
/// its id, the rows it read, its whole duration, and the lines the source dropped so far.
/// </summary>
public sealed record QueryProgressSample(long BatchId, long InputRows, long DurationMs, long DroppedLinesTotal);
