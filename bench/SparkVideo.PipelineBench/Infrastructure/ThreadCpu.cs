using System.Runtime.InteropServices;

namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>
/// The calling thread's CPU time (clock_gettime CLOCK_THREAD_CPUTIME_ID, Linux). On a shared machine a stage's wall time
/// includes the time other processes held the core; its CPU time does not.
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static long Nanoseconds() =>
        clock_gettime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1_000_000_000L + time.Nanoseconds : 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
