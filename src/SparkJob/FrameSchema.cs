#if MICROSOFT_SPARK
using Microsoft.Spark.Sql.Types;
#else
using SparkVideo.Engine.Sql.Types;
#endif
using SparkVideo.Frames;

namespace SparkVideo.Job;

/// <summary>The frame contract as a Spark schema, given to <c>from_json</c>.</summary>
internal static class FrameSchema
{
    /// <summary>
    /// Spark's default <c>spark.sql.columnNameOfCorruptRecord</c>: from_json (PERMISSIVE) puts the text of a line it
    /// cannot read with this schema here, so the filter can say why without parsing the line again.
    /// </summary>
    public const string CorruptRecord = "_corrupt_record";

    public static StructType Type { get; } = new(new[]
    {
        new StructField(FrameContract.Timestamp, new DoubleType()),
        new StructField(FrameContract.FrameWidth, new IntegerType()),
        new StructField(FrameContract.FrameHeight, new IntegerType()),
        new StructField(FrameContract.FrameData, new StringType()),
        new StructField(CorruptRecord, new StringType()),
    });

    /// <summary>The schema's JSON form, accepted by <c>from_json</c> on both backends.</summary>
    public static string Json => Type.Json;
}
