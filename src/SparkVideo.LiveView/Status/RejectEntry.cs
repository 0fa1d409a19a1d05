namespace SparkVideo.LiveView.Status;

/// <summary>One rejects.log line as the page shows it: when (UTC), the frame's timestamp ("-" when unknown) and why.</summary>
public sealed record RejectEntry(string Time, string Timestamp, string Reason);
