using SparkVideo.Vision;

namespace SparkVideo.Processing;

/// <summary>
/// One background remover per process (per executor on real Spark), created on first use from the settings
/// that reached this process, with the process's other one-time setup (allocator tuning, the [stats] timer). The segmenter behind it is loaded lazily, once, by <see cref="SharedSegmenter"/>.
/// </summary>
public static class RemoverCache
{
    private static readonly object Gate = new();
    private static (ProcessingSettings Settings, BackgroundRemover Remover)? CurrentRemover;

    public static BackgroundRemover Get(ProcessingSettings settings)
    {
        var cached = CurrentRemover;
        if (cached is { } hit && hit.Settings == settings)
        {
            return hit.Remover;
        }
        lock (Gate)
        {
            if (CurrentRemover is { } again && again.Settings == settings)
            {
                return again.Remover;
            }
            // The UDF side's once-per-process setup: no program of ours starts a Spark worker, so it happens here,
            // before the first frame (the embedded job reaches it through its preflight).
            NativeAllocatorTuning.Apply();
            PipelineStats.Instance.StartReporting(settings.StatsIntervalSeconds);
            var segmenter = SharedSegmenter.Get(new SegmenterOptions
            {
                Model = settings.Model,
                ModelPath = settings.ModelPath,
                IntraOpThreads = settings.IntraOpThreads,
            });
            var remover = new BackgroundRemover(segmenter, new BackgroundRemovalOptions
            {
                Threshold = settings.Threshold,
                JpegQuality = settings.JpegQuality,
            });
            CurrentRemover = (settings, remover);
            return remover;
        }
    }
}
