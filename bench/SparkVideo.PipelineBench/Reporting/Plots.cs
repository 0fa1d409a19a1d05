using ScottPlot;

namespace SparkVideo.PipelineBench.Reporting;

/// <summary>The PNG charts in docs/perf, drawn with ScottPlot.</summary>
public static class Plots
{
    private const int Width = 1000, Height = 560;

    /// <summary>Latency per frame in capture order, warm-up files in grey, with the p50 and p99 lines.</summary>
    public static void Latency(string path, double[] latenciesMs, int warmUpFiles, double p50, double p99, string subtitle)
    {
        var plot = new Plot();
        var indexes = Enumerable.Range(0, latenciesMs.Length).Select(i => (double)i).ToArray();
        var warm = Math.Min(warmUpFiles, latenciesMs.Length);
        if (warm > 0)
        {
            var warmUp = plot.Add.ScatterPoints(indexes[..warm], latenciesMs[..warm]);
            warmUp.Color = Colors.Gray;
            warmUp.LegendText = "warm-up (excluded)";
        }
        var measured = plot.Add.ScatterPoints(indexes[warm..], latenciesMs[warm..]);
        measured.Color = Colors.SteelBlue;
        measured.MarkerSize = 4;
        measured.LegendText = "capture → file written";
        AddLevel(plot, p50, $"p50 {p50:F0} ms", Colors.Green);
        AddLevel(plot, p99, $"p99 {p99:F0} ms", Colors.OrangeRed);
        plot.Title($"Latency per frame\n{subtitle}");
        plot.XLabel("frame (capture order)");
        plot.YLabel("latency (ms)");
        plot.Axes.SetLimitsY(0, Math.Max(10, latenciesMs.DefaultIfEmpty(0).Max() * 1.1));
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path);
    }

    public static void ThroughputVsParallelism(string path, double[] parallelism, double[] bareFps, double[] pipelineFps)
    {
        var plot = new Plot();
        var bare = plot.Add.Scatter(parallelism, bareFps);
        bare.LegendText = "bare loop (limit)";
        bare.MarkerSize = 8;
        var pipeline = plot.Add.Scatter(parallelism, pipelineFps);
        pipeline.LegendText = "pipeline (camera → job → files)";
        pipeline.MarkerSize = 8;
        plot.Title("Throughput vs parallelism, 640x480");
        plot.XLabel("parallelism (workers / job partitions)");
        plot.YLabel("frames per second");
        plot.Axes.SetLimits(0, parallelism.Max() + 0.5, 0, Math.Max(bareFps.Max(), pipelineFps.Max()) * 1.2);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, path);
    }

    /// <summary>Capacity: p99 latency (left axis, with its target) and the job's peak RSS (right axis) against cameras.</summary>
    public static void Cameras(string path, double[] cameras, double[] p99Ms, double[] rssMiB, double targetP99Ms, string subtitle)
    {
        var plot = new Plot();
        var latency = plot.Add.Scatter(cameras, p99Ms);
        latency.LegendText = "latency p99 (ms, left)";
        latency.MarkerSize = 8;
        AddLevel(plot, targetP99Ms, $"p99 target {targetP99Ms:F0} ms", Colors.OrangeRed);
        var rss = plot.Add.Scatter(cameras, rssMiB);
        rss.LegendText = "job RSS peak (MiB, right)";
        rss.MarkerSize = 8;
        rss.Axes.YAxis = plot.Axes.Right;
        plot.Title($"Cameras into one job\n{subtitle}");
        plot.XLabel("cameras");
        plot.Axes.Left.Label.Text = "latency p99 (ms)";
        plot.Axes.Right.Label.Text = "job RSS (MiB)";
        plot.Axes.SetLimitsX(0, cameras.DefaultIfEmpty(1).Max() + 1);
        plot.Axes.SetLimitsY(0, Math.Max(targetP99Ms, p99Ms.Where(double.IsFinite).DefaultIfEmpty(0).Max()) * 1.2, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, rssMiB.Where(double.IsFinite).DefaultIfEmpty(100).Max() * 1.2, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, path);
    }

    /// <summary>Quality: mean IoU against person height, one line per method, with the target.</summary>
    public static void Quality(string path, IReadOnlyList<(string Method, double[] Heights, double[] Iou)> lines, double target, string subtitle)
    {
        var plot = new Plot();
        foreach (var (method, heights, iou) in lines)
        {
            var line = plot.Add.Scatter(heights, iou);
            line.LegendText = method;
            line.MarkerSize = 7;
        }
        AddLevel(plot, target, $"target {target:F2}", Colors.OrangeRed);
        plot.Title($"Mean IoU with the exact person mask\n{subtitle}");
        plot.XLabel("person height / frame height");
        plot.YLabel("mean IoU");
        plot.Axes.SetLimits(0, 1, 0, 1.05);
        plot.ShowLegend(Alignment.LowerRight);
        Save(plot, path);
    }

    private static void AddLevel(Plot plot, double value, string label, Color color)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        var line = plot.Add.HorizontalLine(value);
        line.Color = color;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = label;
    }

    private static void Save(Plot plot, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, Width, Height);
    }
}
