namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// Throughput, bare and pipeline, against parallelism (at 640x480) and against frame size (at the highest
/// parallelism). The pipeline runs at --fps 0 so it is limited by the job alone.
/// </summary>
public static class ScalingScenario
{
    private const int WarmUpFiles = 100;

    public sealed record Point(int Parallelism, FrameSize Size, double BareFps, double PipelineFps)
    {
        public double Ratio => PipelineFps / BareFps;
    }

    public static ScenarioReport Run(IReadOnlyList<int> parallelisms, IReadOnlyList<FrameSize> sizes, long bareFrames, int pipelineFrames, PipelineSettings job, string outDir, bool verbose)
    {
        var points = new List<Point>();
        var top = parallelisms.Max();
        foreach (var p in parallelisms)
        {
            points.Add(Measure(p, FrameSize.Vga, bareFrames, pipelineFrames, job, verbose));
        }
        foreach (var size in sizes.Where(s => s != FrameSize.Vga))
        {
            points.Add(Measure(top, size, bareFrames, pipelineFrames, job, verbose));
        }

        var report = new ScenarioReport("scaling", $"parallelism {string.Join(", ", parallelisms)} at 640x480; sizes {string.Join(", ", sizes)} at parallelism {top}; bare {bareFrames} frames, pipeline {pipelineFrames} frames (first {WarmUpFiles} excluded)");
        foreach (var point in points)
        {
            report.Add($"p={point.Parallelism} {point.Size}", $"bare {Format.N(point.BareFps)} | pipeline {Format.N(point.PipelineFps)} frames/s | ratio {Format.N(point.Ratio, 2)}");
        }
        report.MarkdownSections.Add(Table(points));
        var byParallelism = points.Where(p => p.Size == FrameSize.Vga).OrderBy(p => p.Parallelism).ToList();
        if (byParallelism.Count > 1)
        {
            var png = Path.Combine(outDir, "throughput_vs_parallelism.png");
            Plots.ThroughputVsParallelism(png,
                byParallelism.Select(p => (double)p.Parallelism).ToArray(),
                byParallelism.Select(p => p.BareFps).ToArray(),
                byParallelism.Select(p => p.PipelineFps).ToArray());
            report.Files.Add(png);
        }
        return report;
    }

    private static Point Measure(int parallelism, FrameSize size, long bareFrames, int pipelineFrames, PipelineSettings job, bool verbose)
    {
        Console.WriteLine($"   scaling: parallelism {parallelism}, {size}...");
        var bare = BareScenario.Measure(bareFrames, parallelism, size);
        var pipeline = PipelineRunner.Run(job with
        {
            CameraFps = 0,
            Frames = pipelineFrames,
            Parallelism = parallelism,
            Width = size.Width,
            Height = size.Height,
        }, verbose);
        return new Point(parallelism, size, bare.FramesPerSecond, pipeline.SteadyFramesPerSecond(WarmUpFiles));
    }

    private static string Table(IEnumerable<Point> points)
    {
        var lines = new List<string>
        {
            "Scaling (frames per second; pipeline at camera --fps 0, steady state):",
            "",
            "| parallelism | frame size | bare | pipeline | pipeline / bare |",
            "|---:|---|---:|---:|---:|",
        };
        lines.AddRange(points.Select(p => $"| {p.Parallelism} | {p.Size} | {Format.N(p.BareFps)} | {Format.N(p.PipelineFps)} | {Format.N(p.Ratio, 2)} |"));
        return string.Join('\n', lines);
    }
}
