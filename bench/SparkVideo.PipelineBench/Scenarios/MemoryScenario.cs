namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// Resident memory (VmRSS) of the job and the camera server, sampled every second over a long run: the mean of
/// the first window after warm-up against the mean of the last window, windows counted in files written.
/// </summary>
public static class MemoryScenario
{
    public const double MaxGrowth = 0.10;

    public static ScenarioReport Run(int frames, double fps, PipelineSettings job, int window, string outDir, bool verbose)
    {
        var settings = job with { CameraFps = fps, Frames = frames };
        var pipeline = PipelineRunner.Run(settings, verbose);
        var w = Math.Max(1, Math.Min(window, frames / 3));
        // Warm-up: at --fps 0 the job's bounded socket buffer and the GC heap fill during the first fifth of a
        // long run (seen as a ramp in memory.csv), so the first window starts after it.
        var warmUp = Math.Max(w, Math.Min(frames / 5, frames - 2 * w));
        var csv = Path.Combine(outDir, "memory.csv");
        Csv.Write(csv, "elapsed_s,files_written,job_rss_mib,camera_rss_mib",
            pipeline.Samples.Select(s => new object?[] { s.ElapsedSeconds, s.FilesWritten, s.JobRssMiB, s.CameraRssMiB }));

        var report = new ScenarioReport("memory",
            $"{settings.Describe()}; windows of {w} files: files {warmUp}..{warmUp + w} (after warm-up) vs the last {w}");
        AddProcess(report, "job", pipeline.Samples.Select(s => (s.FilesWritten, s.JobRssMiB)).ToList(), warmUp, w);
        AddProcess(report, "camera server", pipeline.Samples.Select(s => (s.FilesWritten, s.CameraRssMiB)).ToList(), warmUp, w);
        report.Add("files written", $"{pipeline.Frames.Count} in {Format.N(pipeline.Elapsed.TotalSeconds, 0)} s, {pipeline.Samples.Count} samples");
        report.Files.Add(csv);
        return report;
    }

    /// <summary>
    /// Windows are counted in files written while the process was alive: the camera server finishes sending
    /// (and exits) while the job still works through its buffered frames, so its last window ends earlier.
    /// </summary>
    private static void AddProcess(ScenarioReport report, string name, List<(int Files, double? RssMiB)> samples, int warmUp, int window)
    {
        var alive = samples.Where(s => s.RssMiB is not null).ToList();
        var lastFiles = alive.Count == 0 ? 0 : alive[^1].Files;
        var firstMean = Mean(alive.Where(s => s.Files >= warmUp && s.Files < warmUp + window).Select(s => s.RssMiB));
        var lastMean = Mean(alive.Where(s => s.Files > Math.Max(warmUp + window, lastFiles - window)).Select(s => s.RssMiB));
        var growth = lastMean / firstMean - 1;
        var peak = alive.Select(s => s.RssMiB!.Value).DefaultIfEmpty(double.NaN).Max();
        report.Add($"{name} RSS first -> last window", $"{Format.N(firstMean)} -> {Format.N(lastMean)} MiB ({(growth >= 0 ? "+" : "")}{Format.Percent(growth)}), peak {Format.N(peak)} MiB",
            $"within {MaxGrowth:P0}", double.IsNaN(growth) ? null : Math.Abs(growth) <= MaxGrowth);
        if (double.IsNaN(lastMean))
        {
            report.Add($"{name} note", "it exited before a last window after the first (at --fps 0 it sends into the job's buffer and finishes early); raise --frames");
        }
    }

    private static double Mean(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? double.NaN : present.Average();
    }
}
