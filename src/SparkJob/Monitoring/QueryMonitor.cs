#if MICROSOFT_SPARK
using Microsoft.Spark.Sql;
#else
using SparkVideo.Engine.Sql;
#endif
using SparkVideo.LiveView;

namespace SparkVideo.Job.Monitoring;

/// <summary>
/// Hooks the backend's own query progress into the job's summary line and the live view where the backend
/// offers one: the embedded engine reports each batch and the lines its socket source dropped
/// (QueryMonitor.Embedded.cs); .NET for Apache Spark has no progress API, so there the partial method has no
/// body and the call compiles away.
/// </summary>
internal static partial class QueryMonitor
{
    /// <summary>Call before the query starts, so its first batch is seen.</summary>
    public static void Attach(SparkSession spark, LiveViewServer? liveView) => AttachBackend(spark, liveView);

    static partial void AttachBackend(SparkSession spark, LiveViewServer? liveView);
}
