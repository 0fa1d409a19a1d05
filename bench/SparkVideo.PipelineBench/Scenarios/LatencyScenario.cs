namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// Capture-to-file latency at the camera's real-time rate: each file's write time (mtime) minus the capture
/// timestamp in its name. The first files (model load, first batches) are excluded from the percentiles.
/// </summary>
public static class LatencyScenario
{
    public const double TargetP50Ms = 60, TargetP99Ms = 150;

    public static ScenarioReport Run(int frames, double fps, PipelineSettings job, int warmUpFiles, string outDir, bool verbose)
    {
        var settings = job with { CameraFps = fps, Frames = frames };
        var pipeline = PipelineRunner.Run(settings, verbose);
        var ordered = pipeline.Frames.OrderBy(f => f.CaptureUnixMs).ToList();
        var measured = ordered.Skip(Math.Min(warmUpFiles, ordered.Count / 4)).Select(f => f.LatencyMs).ToList();
        var sorted = Percentiles.Sorted(measured);
        var p50 = Percentiles.Of(sorted, 0.50);
        var p99 = Percentiles.Of(sorted, 0.99);

        var csv = Path.Combine(outDir, "latency.csv");
        Csv.Write(csv, "frame_index,capture_unix_ms,latency_ms,warm_up",
            ordered.Select((f, i) => new object?[] { i, f.CaptureUnixMs, f.LatencyMs, i < warmUpFiles ? 1 : 0 }));
        var png = Path.Combine(outDir, "latency.png");
        Plots.Latency(png, ordered.Select(f => f.LatencyMs).ToArray(), warmUpFiles, p50, p99, settings.Describe());

        var report = new ScenarioReport("latency", $"{settings.Describe()}; first {warmUpFiles} files excluded");
        report.Add("files measured", $"{sorted.Length} (of {pipeline.Frames.Count} written, {pipeline.CameraSent} sent, {pipeline.CameraDropped} dropped by the camera)");
        report.Add("latency p50", Format.N(p50) + " ms", $"<= {TargetP50Ms} ms", p50 <= TargetP50Ms);
        report.Add("latency p99", Format.N(p99) + " ms", $"<= {TargetP99Ms} ms", p99 <= TargetP99Ms);
        report.Add("latency max", Format.N(sorted.Length == 0 ? double.NaN : sorted[^1]) + " ms");
        report.Files.Add(csv);
        report.Files.Add(png);
        if (pipeline.CpuMsPerFrame(warmUpFiles) is { } cpu)
        {
            report.Add("CPU per frame", $"job {Format.N(cpu.Job)} ms, camera {Format.N(cpu.Camera)} ms");
        }
        return report;
    }
}
