using SparkVideo.Frames;

namespace SparkVideo.Job;

/// <summary>The frame contract as a Spark schema, given to <c>from_json</c>.</summary>
public static class FrameSchema
{
    public static StructType Type { get; } = new(new[]
    {
        new StructField(FrameContract.Timestamp, new DoubleType()),
        new StructField(FrameContract.FrameWidth, new IntegerType()),
        new StructField(FrameContract.FrameHeight, new IntegerType()),
        new StructField(FrameContract.FrameData, new StringType()),
    });

    /// <summary>The schema's JSON form, accepted by <c>from_json</c> on both backends.</summary>
    public static string Json => Type.Json;
}
