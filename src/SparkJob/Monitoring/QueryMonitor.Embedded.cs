using SparkVideo.Engine;
using SparkVideo.Engine.Monitoring;
using SparkVideo.Job.Processing;

namespace SparkVideo.Job.Monitoring;

/// <summary>Embedded engine only (see SparkJob.csproj): feeds the source's dropped-line count to the summary.</summary>
public static partial class QueryMonitor
{
    static partial void AttachBackend(SparkSession spark, StreamingQuery query) =>
        spark.Engine().AddListener(new DroppedLinesListener(query.Id));

    private sealed class DroppedLinesListener(string queryId) : StreamingQueryListener
    {
        public override void OnQueryProgress(StreamingQueryProgress progress)
        {
            if (progress.Id == queryId)
            {
                PipelineStats.Instance.RecordSourceDroppedLines(progress.DroppedOverlongLines);
            }
        }
    }
}
