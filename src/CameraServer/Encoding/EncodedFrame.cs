namespace SparkVideo.CameraServer.Encoding;

/// <summary>
/// One frame ready for the wire: its capture time, the complete JSON line (newline included) and the JPEG inside
/// it (for the preview). Immutable, shared by all consumers.
/// </summary>
internal sealed record EncodedFrame(double Timestamp, byte[] Line, byte[] Jpeg);
