namespace SparkVideo.LiveView.Status;

/// <summary>
/// One second of the charts. Null means "not measured": no batch finished (duration), no frame was written
/// (latency), or the backend reports no progress (input rate).
/// </summary>
public sealed record StatusPoint(
    long Time,
    double? InputRowsPerSecond,
    double ProcessedPerSecond,
    double? BatchDurationMs,
    double? LatencyP50Ms,
    double? LatencyP99Ms);
