using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Processing;

/// <summary>
/// One background remover per process (per executor on real Spark), created on first use from the settings
/// that reached this process; a remover for other settings replaces (and disposes) it. The segmenter behind it
/// is loaded lazily, once, by <see cref="SharedSegmenter"/>.
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
                Background = settings.Background,
                Edges = settings.Edges,
                Segmentation = settings.Segmentation,
            });
            var replaced = CurrentRemover;
            CurrentRemover = (settings, remover);
            // A frame still running on the replaced remover returns its buffers to a drained pool, which only
            // costs those buffers a collection; settings change only when a process sees a new job's UDF.
            replaced?.Remover.Dispose();
            return remover;
        }
    }
}
