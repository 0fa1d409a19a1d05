namespace SparkVideo.LiveView.Status;

/// <summary>One of the job's settings as the page shows it, e.g. <c>background</c> = <c>blur:15</c>.</summary>
public sealed record JobSetting(string Name, string Value);
