namespace SparkVideo.CameraServer.Sources;

/// <summary>A source that cannot be opened or stopped working; the message is a complete one-line error.</summary>
internal sealed class FrameSourceException(string message) : Exception(message);
