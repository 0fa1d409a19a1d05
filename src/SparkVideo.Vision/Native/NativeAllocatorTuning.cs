using System.Runtime.InteropServices;

namespace SparkVideo.Vision.Native;

/// <summary>
/// Keeps glibc's malloc from returning every freed frame-size buffer to the kernel. By default, blocks over
/// 128 KB are mmap-ed and unmapped on free, so a decoder that allocates a 0.9 MB image per frame page-faults
/// the whole image back in on every frame: measured at about 40% of the job's CPU time. Raising the mmap and
/// trim thresholds lets those blocks be reused from the heap. Applied once per process; a no-op off glibc.
/// </summary>
public static class NativeAllocatorTuning
{
    private const int MallocTrimThreshold = -1;  // M_TRIM_THRESHOLD
    private const int MallocMmapThreshold = -3;  // M_MMAP_THRESHOLD

    /// <summary>Blocks up to this size come from the heap (covers a 1920x1080 BGR frame).</summary>
    public const int MmapThresholdBytes = 8 * 1024 * 1024;

    /// <summary>Free memory at the top of the heap kept for reuse before it is given back.</summary>
    public const int TrimThresholdBytes = 128 * 1024 * 1024;

    private static readonly Lazy<bool> Applied = new(ApplyNow);

    /// <summary>True when the thresholds were set (Linux with glibc).</summary>
    public static bool Apply() => Applied.Value;

    private static bool ApplyNow()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return mallopt(MallocMmapThreshold, MmapThresholdBytes) == 1 &&
                   mallopt(MallocTrimThreshold, TrimThresholdBytes) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // musl or another libc: keep its defaults
        }
    }

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int mallopt(int param, int value);
}
