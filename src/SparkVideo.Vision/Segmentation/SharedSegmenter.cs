using System.Collections.Concurrent;

namespace SparkVideo.Vision.Segmentation;

/// <summary>
/// One <see cref="Segmenter"/> per process per options, loaded on first use. Spark UDFs call this from
/// inside the delegate so that the segmenter is never captured in (or serialised with) the closure.
/// </summary>
public static class SharedSegmenter
{
    private static readonly ConcurrentDictionary<SegmenterOptions, Lazy<Segmenter>> Instances = new();

    public static Segmenter Get(SegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lazy = Instances.GetOrAdd(options,
            o => new Lazy<Segmenter>(() => Segmenter.Load(o), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Do not cache a failure forever: a later call (after the model is fixed) may succeed.
            Instances.TryRemove(new KeyValuePair<SegmenterOptions, Lazy<Segmenter>>(options, lazy));
            throw;
        }
    }
}
