using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Vision.People;

/// <summary>
/// One person detector per process, loaded on first use (like <see cref="SharedSegmenter"/>): a UDF asks for it inside
/// the delegate, so it is never captured in a closure or serialized. A failed load is not cached; the first load's
/// thread count stays for the process (a process runs one job's settings).
/// </summary>
public static class SharedPersonDetector
{
    private static readonly object Gate = new();
    private static NanoDetPersonDetector? Instance;

    public static IPersonDetector Get(int intraOpThreads)
    {
        var loaded = Volatile.Read(ref Instance);
        if (loaded is not null)
        {
            return loaded;
        }
        lock (Gate)
        {
            return Instance ??= NanoDetPersonDetector.Load(intraOpThreads: intraOpThreads);
        }
    }
}
