namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>The whole pipeline at --fps 0 (backpressure), in steady state, against the bare loop run right after.</summary>
public static class ThroughputScenario
{
    public const double TargetRatio = 0.85;

    public static ScenarioReport Run(int frames, PipelineSettings job, long bareFrames, int warmUpFiles, bool verbose)
    {
        var settings = job with { CameraFps = 0, Frames = frames };
        var pipeline = PipelineRunner.Run(settings, verbose);
        var pipelineFps = pipeline.SteadyFramesPerSecond(warmUpFiles);
        var bare = BareScenario.Measure(bareFrames, job.Parallelism, FrameSize.Vga);
        var ratio = pipelineFps / bare.FramesPerSecond;

        var report = new ScenarioReport("throughput", $"{settings.Describe()}; bare loop {bareFrames} frames on {job.Parallelism} workers");
        report.Add("pipeline files/s (steady)", Format.N(pipelineFps), "", null);
        report.Add("files written", $"{pipeline.Frames.Count} of {pipeline.CameraSent} sent (first {warmUpFiles} excluded from the rate)");
        report.Add("bare frames/s", Format.N(bare.FramesPerSecond));
        report.Add("pipeline / bare", Format.N(ratio, 2), $">= {TargetRatio:0.00}", ratio >= TargetRatio);
        if (pipeline.CpuMsPerFrame(warmUpFiles) is { } cpu)
        {
            report.Add("CPU per frame", $"job {Format.N(cpu.Job)} ms + camera {Format.N(cpu.Camera)} ms vs bare {Format.N(bare.CpuMsPerFrame)} ms");
        }
        else
        {
            report.Add("CPU per frame", "n/a (too few samples while both processes ran)");
        }
        if (pipeline.JobStatsLines.Count > 0)
        {
            report.Add("job's last stats line", pipeline.JobStatsLines[^1]);
        }
        return report;
    }
}
