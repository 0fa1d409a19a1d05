namespace SparkVideo.LiveView.Status;

/// <summary>Everything the page shows, as <c>/api/status</c> serves it (camelCase JSON).</summary>
public sealed record StatusSnapshot(
    long Processed,
    long Rejected,
    long? Dropped,
    long? LastBatchId,
    bool ReportsQueryProgress,
    int Viewers,
    int MaxViewers,
    string? CameraPreviewUrl,
    double UptimeSeconds,
    IReadOnlyList<StatusPoint> Series,
    IReadOnlyList<RejectEntry> RecentRejects);
