using SparkVideo.Vision.Native;

namespace SparkVideo.Processing;

/// <summary>
/// The UDF side's once-per-process setup, run before the process's first frame: C allocator tuning, OpenCV on the
/// partition threads only, and the [stats] line of what this process processes. No program of ours starts a Spark worker, so the first UDF call
/// in each process (every executor on real Spark) runs it; the embedded job's preflight runs it on the driver.
/// </summary>
public static class WorkerProcess
{
    private static readonly object Gate = new();
    private static bool Started;

    public static void EnsureStarted(ProcessingSettings settings)
    {
        if (Volatile.Read(ref Started))
        {
            return;
        }
        lock (Gate)
        {
            if (!Started)
            {
                NativeAllocatorTuning.Apply();
                OpenCvThreading.RunOnCallingThreads();
                PipelineStats.Instance.StartReporting(settings.StatsIntervalSeconds);
                if (settings.MaskReuseFrames > 0)
                {
                    PipelineStats.Instance.ShowInferences();
                }
                Volatile.Write(ref Started, true);
            }
        }
    }
}
