namespace SparkVideo.LiveView.Status;

/// <summary>One camera of a multi-camera job on the page: its name, its MJPEG stream's path, its frames and viewers.</summary>
public sealed record CameraStatus(string Name, string Stream, long Processed, int Viewers);
