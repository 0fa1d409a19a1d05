using SparkVideo.Engine;
using SparkVideo.Engine.Monitoring;
using SparkVideo.Processing;

namespace SparkVideo.Job.Monitoring;

/// <summary>Embedded engine only (see SparkJob.csproj): feeds the source's dropped-line count to the summary.</summary>
public static partial class QueryMonitor
{
    static partial void AttachBackend(SparkSession spark) => spark.Engine().AddListener(new DroppedLinesListener());

    private sealed class DroppedLinesListener : StreamingQueryListener
    {
        public override void OnQueryProgress(StreamingQueryProgress progress) =>
            PipelineStats.Instance.RecordSourceDroppedLines(progress.DroppedOverlongLines);
    }
}
