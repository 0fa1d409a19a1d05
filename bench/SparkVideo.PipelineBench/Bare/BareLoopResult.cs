namespace SparkVideo.PipelineBench.Bare;

/// <summary>What one in-process run measured: wall time, the process's CPU time, and the per-stage times.</summary>
public sealed record BareLoopResult(int Workers, int Width, int Height, long Frames, TimeSpan Elapsed, TimeSpan CpuTime, StageTimes Stages)
{
    public double FramesPerSecond => Frames / Elapsed.TotalSeconds;

    public double CpuMsPerFrame => CpuTime.TotalMilliseconds / Frames;
}
