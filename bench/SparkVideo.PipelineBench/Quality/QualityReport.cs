using System.Text;

namespace SparkVideo.PipelineBench.Quality;

/// <summary>Writes quality.csv, quality.md (one table per score, methods by height) and quality.png.</summary>
public static class QualityReport
{
    public static void Write(string outDir, IReadOnlyList<QualityRow> rows, int framesPerHeight, int emptyScenes, Func<string, bool> plotted)
    {
        Csv.Write(Path.Combine(outDir, "quality.csv"), "method,height,frames,iou,soft_iou,boundary_iou,kept_share,kept_opacity,cpu_ms_per_frame",
            rows.Select(r => new object?[] { $"\"{r.Method}\"", r.Height, r.Frames, r.Iou, r.SoftIou, r.BoundaryIou, r.KeptShare, r.KeptOpacity, r.CpuMsPerFrame }));

        var heights = rows.Select(r => r.Height).Where(h => h > 0).Distinct().OrderByDescending(h => h).ToList();
        var methods = rows.Select(r => r.Method).Distinct().ToList();
        var md = new StringBuilder();
        md.AppendLine("# Quality against exact masks");
        md.AppendLine();
        md.AppendLine($"Written by `dotnet run -c Release --project bench/SparkVideo.PipelineBench -- quality` on {DateTime.UtcNow:yyyy-MM-dd}: " +
            $"{framesPerHeight} composites per person height (1 to 4 people; 1 or 2 at 0.95) and the {emptyScenes} scenes with nobody, " +
            "640x480, from `samples/quality` ([how they were made](../../samples/quality/README.md)). " +
            "The alpha is what `--background transparent` keeps; kept = alpha at least 128. CPU: one thread, in this process.");
        md.AppendLine();
        var keyed = rows.Select(r => (r.Method, r.Height, r)).ToList();
        void Table(string title, Func<QualityRow, string> cell, Func<QualityRow, string>? emptyCell) =>
            HeightTable.Append(md, title, keyed, cell, emptyCell);
        Table("Mean IoU per person height / frame height", r => Format.N(r.Iou, 2), r => Format.Percent(r.KeptShare) + " kept");
        Table("Soft IoU (half-transparent pixels charged); nobody: the frame's opacity kept (mean alpha / 255)",
            r => Format.N(r.SoftIou, 2), r => Format.Percent(r.KeptOpacity));
        Table($"Boundary IoU (a band of {SparkVideo.Testing.Quality.MaskScores.BoundaryBand} px either side of the true outline)", r => Format.N(r.BoundaryIou, 2), null);
        Table("CPU per frame (ms, one thread: segmentation and compositing, no JPEG)", r => Format.N(r.CpuMsPerFrame, 1), r => Format.N(r.CpuMsPerFrame, 1));
        File.WriteAllText(Path.Combine(outDir, "quality.md"), md.ToString());

        Plots.Quality(Path.Combine(outDir, "quality.png"),
            methods.Where(plotted).Select(m => (m, heights.ToArray(), heights.Select(h => rows.FirstOrDefault(r => r.Method == m && r.Height == h)?.Iou ?? double.NaN).ToArray())).ToList(),
            Scenarios.QualityScenario.TargetIou, $"{framesPerHeight} composites per height, 640x480");
    }

}
