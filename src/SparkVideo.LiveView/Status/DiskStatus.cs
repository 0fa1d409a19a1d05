namespace SparkVideo.LiveView.Status;

/// <summary>
/// The output folder's disk use on the page: the free space of its volume (always), and with retention on the frame
/// files the janitor counts, their bytes and how many it deleted (null with retention off).
/// </summary>
public sealed record DiskStatus(string Retention, long? FreeBytes, long? FrameFiles, long? FrameBytes, long? Deleted);
