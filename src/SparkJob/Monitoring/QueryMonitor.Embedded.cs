using SparkVideo.Engine;
using SparkVideo.Engine.Monitoring;
using SparkVideo.Engine.Sql;
using SparkVideo.LiveView;
using SparkVideo.LiveView.Status;
using SparkVideo.Processing;

namespace SparkVideo.Job.Monitoring;

/// <summary>
/// Embedded engine only (see SparkJob.csproj): feeds the source's dropped-line count to the summary, and each
/// batch's id, input rows and duration, and the inferences so far (this process is also the executor), to the live
/// view. Runs on the driver, from the engine's listener bus.
/// </summary>
internal static partial class QueryMonitor
{
    static partial void AttachBackend(SparkSession spark, LiveViewServer? liveView) =>
        spark.Engine().AddListener(new ProgressListener(liveView));

    private sealed class ProgressListener(LiveViewServer? liveView) : StreamingQueryListener
    {
        public override void OnQueryProgress(StreamingQueryProgress progress)
        {
            PipelineStats.Instance.RecordSourceDroppedLines(progress.DroppedOverlongLines);
            liveView?.RecordProgress(new QueryProgressSample(
                progress.BatchId,
                progress.NumInputRows,
                progress.TriggerExecutionMs,
                progress.DroppedOverlongLines,
                PipelineStats.Instance.Inferences));
        }
    }
}
