namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>What one pipeline run produced: the files (oldest first), what the camera reported, the per-second samples.</summary>
public sealed record PipelineResult(
    PipelineSettings Settings,
    IReadOnlyList<OutputFrame> Frames,
    long CameraSent,
    long CameraDropped,
    IReadOnlyList<PipelineSample> Samples,
    IReadOnlyList<string> JobStatsLines,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Files per second in steady state: from the file after the first <paramref name="warmUpFiles"/> to the last,
    /// by their write times (model load and the first batches are excluded).
    /// </summary>
    public double SteadyFramesPerSecond(int warmUpFiles)
    {
        var skip = Math.Min(warmUpFiles, Frames.Count / 4);
        if (Frames.Count - skip < 2)
        {
            return double.NaN;
        }
        var seconds = (Frames[^1].WrittenUnixMs - Frames[skip].WrittenUnixMs) / 1000.0;
        return seconds > 0 ? (Frames.Count - 1 - skip) / seconds : double.NaN;
    }

    /// <summary>
    /// CPU milliseconds per frame: the job's in steady state (after <paramref name="warmUpFiles"/> files), the camera
    /// server's over its whole life (start-up included: at --fps 0 it sends everything into the job's buffer early
    /// and exits). Null when the samples do not allow it.
    /// </summary>
    public (double Job, double Camera)? CpuMsPerFrame(int warmUpFiles)
    {
        var skip = Math.Min(warmUpFiles, Frames.Count / 4);
        var job = Samples.Where(s => s.FilesWritten >= skip && s.JobCpuSeconds is not null).ToList();
        var cameraCpu = Samples.LastOrDefault(s => s.CameraCpuSeconds is not null)?.CameraCpuSeconds;
        if (job.Count < 2 || job[^1].FilesWritten == job[0].FilesWritten || cameraCpu is null || CameraSent == 0)
        {
            return null;
        }
        var files = job[^1].FilesWritten - job[0].FilesWritten;
        return ((job[^1].JobCpuSeconds!.Value - job[0].JobCpuSeconds!.Value) * 1000 / files, cameraCpu.Value * 1000 / CameraSent);
    }
}
