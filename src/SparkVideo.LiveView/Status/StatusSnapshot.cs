using System.Text.Json.Serialization;

namespace SparkVideo.LiveView.Status;

/// <summary>
/// Everything the page shows, as <c>/api/status</c> serves it (camelCase JSON). <see cref="Cameras"/> is there
/// only for a job given its cameras' names; <see cref="Viewers"/> counts the viewers of every stream, and
/// <see cref="MaxViewers"/> is the cap of each one. <see cref="Inferences"/>: frames whose mask the model computed
/// (fewer than <see cref="Processed"/> with mask reuse), null where the backend does not report it.
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
    long? Inferences = null,
    DiskStatus? Disk = null)
{
    /// <summary>The job's settings (<see cref="LiveViewOptions.Settings"/>), name and value, in the job's order.</summary>
    public IReadOnlyList<JobSetting> Settings { get; init; } = [];
}
