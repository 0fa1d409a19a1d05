namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>
/// One per-second observation during a pipeline run: files written so far, resident memory (VmRSS, MiB) and CPU
/// seconds used so far by each process; null once a process is gone.
/// </summary>
public sealed record PipelineSample(
    double ElapsedSeconds,
    int FilesWritten,
    double? JobRssMiB,
    double? CameraRssMiB,
    double? JobCpuSeconds,
    double? CameraCpuSeconds);
