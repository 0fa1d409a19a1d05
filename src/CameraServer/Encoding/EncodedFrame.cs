namespace CameraServer.Encoding;

/// <summary>One frame ready for the wire: its capture time and the complete JSON line, newline included. Immutable, shared by all consumers.</summary>
internal sealed record EncodedFrame(double Timestamp, byte[] Line);
