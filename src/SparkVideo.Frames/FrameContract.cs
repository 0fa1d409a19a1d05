namespace SparkVideo.Frames;

/// <summary>The field names and Spark schema of the frame wire format, written once for both programs.</summary>
public static class FrameContract
{
    public const string Timestamp = "timestamp";
    public const string FrameWidth = "frame_width";
    public const string FrameHeight = "frame_height";
    public const string FrameData = "frame_data";

    /// <summary>Every field, in wire order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = [Timestamp, FrameWidth, FrameHeight, FrameData];

    /// <summary>The schema as a Spark DDL string, accepted by <c>from_json</c>.</summary>
    public const string SparkDdl = "timestamp DOUBLE, frame_width INT, frame_height INT, frame_data STRING";

    public const int DefaultWidth = 640;
    public const int DefaultHeight = 480;
}
