namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// The live view's cost: the pipeline at camera --fps 0 with the live view on and 0, 1 and 8 MJPEG viewers.
/// Targets: one viewer costs at most 5 % of the throughput; with 8 the job still writes every frame sent.
/// </summary>
public static class ViewersScenario
{
    public const double MaxOneViewerCost = 0.05;

    public static ScenarioReport Run(int frames, PipelineSettings job, int warmUpFiles, bool verbose)
    {
        var settings = job with { CameraFps = 0, Frames = frames, LiveView = true };
        var report = new ScenarioReport("viewers", $"{settings.Describe()}; viewers 0, 1, 8");
        double? baseline = null;
        foreach (var viewers in new[] { 0, 1, 8 })
        {
            var run = PipelineRunner.Run(settings with { Viewers = viewers }, verbose);
            var fps = run.SteadyFramesPerSecond(warmUpFiles);
            baseline ??= fps;
            var lost = run.CameraSent - run.Frames.Count;
            report.Add($"{viewers} viewer{(viewers == 1 ? "" : "s")}: files/s (steady)", Format.N(fps));
            report.Add($"{viewers} viewer{(viewers == 1 ? "" : "s")}: files written / sent", $"{run.Frames.Count} / {run.CameraSent}",
                viewers == 8 ? "all" : "", viewers == 8 ? lost == 0 : null);
            if (viewers == 1)
            {
                var cost = 1 - fps / baseline.Value;
                report.Add("1 viewer: throughput cost", $"{Format.N(cost * 100, 1)} %", $"<= {MaxOneViewerCost * 100:0} %", cost <= MaxOneViewerCost);
            }
        }
        return report;
    }
}
