using System.Text.Json.Serialization;

namespace SparkVideo.LiveView.Status;

/// <summary>
/// Everything the page shows, as <c>/api/status</c> serves it (camelCase JSON). <see cref="Cameras"/> is there
/// only for a job given its cameras' names; <see cref="Viewers"/> counts the viewers of every stream, and
/// <see cref="MaxViewers"/> is the cap of each one.
/// </summary>
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
    IReadOnlyList<RejectEntry> RecentRejects,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CameraStatus>? Cameras = null,
    DiskStatus? Disk = null);
