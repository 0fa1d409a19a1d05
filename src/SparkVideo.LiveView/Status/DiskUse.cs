namespace SparkVideo.LiveView.Status;

/// <summary>What the job's retention janitor last found in the output folders (all cameras together).</summary>
public sealed record DiskUse(long FrameFiles, long FrameBytes, long Deleted, string Retention);
