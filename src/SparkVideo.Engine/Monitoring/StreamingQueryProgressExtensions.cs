using SparkVideo.Engine.Sql.Streaming;

namespace SparkVideo.Engine.Monitoring;

/// <summary>Spark's lastProgress / recentProgress, which dotnet/spark's StreamingQuery lacks. Engine-only.</summary>
public static class StreamingQueryProgressExtensions
{
    /// <summary>The most recent batch's progress, or null before the first batch.</summary>
    public static StreamingQueryProgress? LastProgress(this StreamingQuery query) => query.Execution.LastProgress;

    /// <summary>The progress of the latest batches, oldest first (at most 100, Spark's default).</summary>
    public static IReadOnlyList<StreamingQueryProgress> RecentProgress(this StreamingQuery query) => query.Execution.RecentProgress;
}
