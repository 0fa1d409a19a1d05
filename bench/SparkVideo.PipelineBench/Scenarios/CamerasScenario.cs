using System.Text;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// Capacity: N synthetic cameras at a real-time rate into one job, for each N. Per step: frames delivered per
/// camera, frames the cameras dropped (the job could not keep up), capture → file latency p50/p99 over every
/// camera's frames (each camera's first frames, model load and first batches, excluded), the job's RSS and CPU
/// and the cameras' CPU per frame. The answer is the largest N with p99 within the target and no drop. The cameras are
/// replayed by the bench itself (the default: a capacity of the job, whose cameras are other machines in a deployment)
/// or are N CameraServer processes on the job's cores (<c>--producer camera-server</c>); the files' names say which.
/// </summary>
public static class CamerasScenario
{
    public const double TargetP99Ms = 150;
    public const int TargetCameras = 16;
    public const int RssCheckedAtCameras = 16;
    public const double TargetRssMiB = 400;

    public static ScenarioReport Run(IReadOnlyList<int> cameraCounts, double fps, int seconds, int warmUpFrames, PipelineSettings job, CameraProducer producer, string outDir, bool verbose)
    {
        var framesPerCamera = (int)Math.Round(fps * seconds);
        var baseline = producer == CameraProducer.ReplayVideo ? FrameCostBaseline.Measure(cameraCounts.Contains(1) ? fps : 0) : null;
        var steps = new List<Step>();
        foreach (var n in cameraCounts)
        {
            Console.WriteLine($"  {n} camera{(n == 1 ? "" : "s")} at {fps:0.##} FPS, {framesPerCamera} frames each...");
            var result = MultiCameraRunner.Run(n, fps, framesPerCamera, job, producer, verbose);
            var step = Step.From(n, result, warmUpFrames);
            Console.WriteLine($"    delivered {step.DeliveredMin}-{step.DeliveredMax} per camera, dropped {step.Dropped}, p50 {Format.N(step.P50)} ms, p99 {Format.N(step.P99)} ms, job RSS peak {Format.N(step.PeakRssMiB, 0)} MiB, CPU per frame job {Format.N(step.CpuMsPerFrame)} ms + cameras {Format.N(step.CameraCpuMsPerFrame)} ms (load average {MachineInfo.LoadAverage()})");
            steps.Add(step);
            baseline?.MeasureBare();
        }

        var cameras = producer switch
        {
            CameraProducer.Replay => "synthetic cameras replayed by the bench process (the frames a CameraServer --source synthetic " +
                "encoded, re-sent over loopback TCP with fresh timestamps; the camera servers' own encoding is not on the job's cores)",
            CameraProducer.ReplayVideo => "real video frames replayed by the bench process (the 100 frames a CameraServer --source " +
                "samples/people_walking.mp4 encoded, re-sent over loopback TCP with fresh timestamps; the camera servers' own encoding " +
                "is not on the job's cores)",
            _ => "synthetic cameras, one CameraServer process each, on the job's cores",
        };
        var settings = $"{string.Join(", ", cameraCounts)} {cameras} at {fps:0.##} FPS, {framesPerCamera} frames each (640x480), " +
            $"--parallelism {job.Parallelism} --intra-op-threads {job.IntraOpThreads}; each camera's first {warmUpFrames} frames excluded from the latency";
        var (title, fileName) = producer switch
        {
            CameraProducer.Replay => ("cameras", "cameras"),
            CameraProducer.ReplayVideo => ("cameras (real video frames)", "cameras_video"),
            _ => ("cameras (camera servers)", "cameras_camera_servers"),
        };
        var report = new ScenarioReport(title, settings);
        var capacity = steps.Where(s => s.Meets).Select(s => s.Cameras).DefaultIfEmpty(0).Max();
        report.Add($"largest N with p99 <= {TargetP99Ms:0} ms and 0 drops", capacity.ToString(CultureInfo.InvariantCulture), $">= {TargetCameras}", capacity >= TargetCameras);
        if (steps.Find(s => s.Cameras == RssCheckedAtCameras) is { } checkedStep)
        {
            report.Add($"job RSS at {RssCheckedAtCameras} cameras (peak)", Format.N(checkedStep.PeakRssMiB, 0) + " MiB",
                $"<= {TargetRssMiB:0} MiB", checkedStep.PeakRssMiB <= TargetRssMiB);
        }
        report.MarkdownSections.Add(Table(steps));
        var againstBare = "";
        if (baseline is not null)
        {
            baseline.AddRows(report, [.. steps.Select(s => (s.Cameras, s.CpuMsPerFrame))]);
            againstBare = "\n" + baseline.Table([.. steps.Select(s => (s.Cameras, s.CpuMsPerFrame))]);
            report.MarkdownSections.Add(againstBare);
        }

        var csv = Path.Combine(outDir, fileName + ".csv");
        Csv.Write(csv, "cameras,camera,sent,delivered,dropped,latency_p50_ms,latency_p99_ms,job_rss_peak_mib,job_cpu_ms_per_frame,cameras_cpu_ms_per_frame",
            steps.SelectMany(s => s.PerCamera.Select(c => new object?[] { s.Cameras, c.Name, c.Sent, c.Delivered, c.Dropped, c.P50, c.P99, s.PeakRssMiB, s.CpuMsPerFrame, s.CameraCpuMsPerFrame })));
        var png = Path.Combine(outDir, fileName + ".png");
        Plots.Cameras(png, [.. steps.Select(s => (double)s.Cameras)], [.. steps.Select(s => s.P99)], [.. steps.Select(s => s.PeakRssMiB)], TargetP99Ms, $"{fps:0.##} FPS per camera, 640x480, 2 cores");
        report.Files.Add(csv);
        report.Files.Add(png);
        var md = Path.Combine(outDir, fileName + ".md");
        File.WriteAllText(md, $"# Cameras: capacity of one job\n\n{settings}.\n\n{Table(steps)}{againstBare}\n");
        report.Files.Add(md);
        return report;
    }

    private static string Table(IEnumerable<Step> steps)
    {
        var text = new StringBuilder();
        text.AppendLine("| cameras | frames delivered per camera | dropped | latency p50 | latency p99 | job RSS peak | job CPU per frame | cameras' CPU per frame | meets |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var s in steps)
        {
            var delivered = s.DeliveredMin == s.DeliveredMax ? $"{s.DeliveredMin}" : $"{s.DeliveredMin}–{s.DeliveredMax}";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Cameras} | {delivered} of {s.SentPerCamera} | {s.Dropped} | {Format.N(s.P50, 0)} ms | {Format.N(s.P99, 0)} ms | {Format.N(s.PeakRssMiB, 0)} MiB | {Format.N(s.CpuMsPerFrame)} ms | {Format.N(s.CameraCpuMsPerFrame)} ms | {(s.Meets ? "yes" : "no")} |");
        }
        return text.ToString();
    }

    private sealed record CameraStats(string Name, long Sent, int Delivered, long Dropped, double P50, double P99);

    private sealed record Step(int Cameras, IReadOnlyList<CameraStats> PerCamera, double P50, double P99, double PeakRssMiB, double CpuMsPerFrame, double CameraCpuMsPerFrame)
    {
        public int DeliveredMin => PerCamera.Min(c => c.Delivered);
        public int DeliveredMax => PerCamera.Max(c => c.Delivered);
        public long SentPerCamera => PerCamera.Max(c => c.Sent);
        public long Dropped => PerCamera.Sum(c => c.Dropped);
        public bool Meets => Dropped == 0 && PerCamera.All(c => c.Delivered == c.Sent) && P99 <= TargetP99Ms;

        public static Step From(int n, MultiCameraResult result, int warmUpFrames)
        {
            var measured = result.Cameras.Select(c => c.Frames.OrderBy(f => f.CaptureUnixMs).Skip(warmUpFrames).Select(f => f.LatencyMs).ToList()).ToList();
            var perCamera = result.Cameras.Select((c, i) =>
            {
                var sorted = Percentiles.Sorted(measured[i]);
                return new CameraStats(c.Name, c.Sent, c.Frames.Count, c.Dropped, Percentiles.Of(sorted, 0.5), Percentiles.Of(sorted, 0.99));
            }).ToList();
            var all = Percentiles.Sorted(measured.SelectMany(m => m));
            var rss = result.Samples.Select(s => s.JobRssMiB).OfType<double>().DefaultIfEmpty(double.NaN).Max();
            var sent = result.Cameras.Sum(c => c.Sent);
            var cameraCpu = sent > 0 ? result.CamerasCpuSeconds * 1000 / sent : double.NaN;
            return new Step(n, perCamera, Percentiles.Of(all, 0.5), Percentiles.Of(all, 0.99), rss, SteadyCpuMsPerFrame(result.Samples), cameraCpu);
        }

        /// <summary>Job CPU per file over the second half of the run (model load and start-up excluded).</summary>
        private static double SteadyCpuMsPerFrame(IReadOnlyList<PipelineSample> samples)
        {
            var withCpu = samples.Where(s => s.JobCpuSeconds is not null).ToList();
            if (withCpu.Count < 4)
            {
                return double.NaN;
            }
            var (from, to) = (withCpu[withCpu.Count / 2], withCpu[^1]);
            var files = to.FilesWritten - from.FilesWritten;
            return files > 0 ? (to.JobCpuSeconds!.Value - from.JobCpuSeconds!.Value) * 1000 / files : double.NaN;
        }
    }
}
