namespace SparkVideo.LiveView.Status;

/// <summary>
/// One camera of a multi-camera job on the page: its name, its MJPEG stream's path, the path of its newest frame as
/// one JPEG (what the page's tile loads), its frames and its stream's viewers.
/// </summary>
public sealed record CameraStatus(string Name, string Stream, string Frame, long Processed, int Viewers);
