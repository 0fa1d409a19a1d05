namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>How a streaming query writes to its sink. The engine's stateless queries support Append (and Update, which Spark treats as Append without aggregations).</summary>
public enum OutputMode
{
    Append,
    Complete,
    Update,
}
