namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// The camera at a rate above the default: the camera server must drop nothing (it drops only when its consumer
/// does not read in time), every sent frame must become a file, and latency must not grow over the run (a job
/// that falls behind shows as latency climbing from the first files to the last).
/// </summary>
public static class HeadroomScenario
{
    private const int CompareFiles = 100;
    private const double MaxLatencyGrowthMs = 50;

    public static ScenarioReport Run(int frames, double fps, PipelineSettings job, bool verbose)
    {
        var settings = job with { CameraFps = fps, Frames = frames };
        var pipeline = PipelineRunner.Run(settings, verbose);
        var byCapture = pipeline.Frames.OrderBy(f => f.CaptureUnixMs).ToList();
        var n = Math.Min(CompareFiles, byCapture.Count / 4);
        var early = Percentiles.Of(Percentiles.Sorted(byCapture.Skip(n).Take(n).Select(f => f.LatencyMs)), 0.5);
        var late = Percentiles.Of(Percentiles.Sorted(byCapture.TakeLast(n).Select(f => f.LatencyMs)), 0.5);
        var growth = late - early;
        var allWritten = pipeline.CameraSent > 0 && pipeline.Frames.Count >= pipeline.CameraSent;

        var report = new ScenarioReport("headroom", settings.Describe());
        report.Add("camera dropped", pipeline.CameraDropped.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", pipeline.CameraDropped == 0);
        report.Add("files written / sent", $"{pipeline.Frames.Count} / {pipeline.CameraSent}", "all", allWritten);
        report.Add("job files/s (steady)", Format.N(pipeline.SteadyFramesPerSecond(CompareFiles)));
        report.Add("latency p50, early vs last files", $"{Format.N(early)} ms -> {Format.N(late)} ms",
            $"growth <= {MaxLatencyGrowthMs} ms", growth <= MaxLatencyGrowthMs);
        if (pipeline.CpuMsPerFrame(CompareFiles) is { } cpu)
        {
            report.Add("CPU per frame", $"job {Format.N(cpu.Job)} ms, camera {Format.N(cpu.Camera)} ms");
        }
        return report;
    }
}
