namespace SparkVideo.Frames;

/// <summary>The field names of the frame wire format, written once for both programs (the job's schema: FrameSchema).</summary>
public static class FrameContract
{
    /// <summary>The TCP port the camera server listens on and the job reads from when none is given.</summary>
    public const int DefaultPort = 9999;

    public const string Timestamp = "timestamp";
    public const string FrameWidth = "frame_width";
    public const string FrameHeight = "frame_height";
    public const string FrameData = "frame_data";

    /// <summary>Every field, in wire order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = [Timestamp, FrameWidth, FrameHeight, FrameData];
}
