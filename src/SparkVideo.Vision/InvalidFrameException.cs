namespace SparkVideo.Vision;

/// <summary>A frame is not a JPEG, is corrupt, or does not have the expected size; the message says which.</summary>
public sealed class InvalidFrameException(string message) : Exception(message);
