using System.Diagnostics;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// Every scenario with reduced counts (about a quarter of an hour on 2 cores at scale 1), then results.md and
/// the charts. A scenario that fails is recorded as failed and the others still run.
/// </summary>
public static class AllScenario
{
    public static int Run(double scale, PipelineSettings jobTemplate, string outDir, string command, bool verbose)
    {
        int N(int frames) => Math.Max(200, (int)(frames * scale));
        var cores = Environment.ProcessorCount;
        var started = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();
        var clock = Stopwatch.StartNew();
        var job = jobTemplate with { Parallelism = cores };
        var reports = new List<ScenarioReport>();
        var failed = 0;

        void Step(string name, Func<ScenarioReport> run)
        {
            Console.WriteLine($"-- {name} ({clock.Elapsed.TotalMinutes:F1} min in)");
            try
            {
                var report = run();
                report.Print();
                reports.Add(report);
            }
            catch (BenchException e)
            {
                Console.Error.WriteLine($"error: {name}: {e.Message}");
                var report = new ScenarioReport(name, "failed");
                report.Add("error", e.Message, "runs", false);
                reports.Add(report);
                failed++;
            }
        }

        Step("bare", () => BareScenario.Run(N(1000), cores, FrameSize.Vga));
        Step("throughput", () => ThroughputScenario.Run(N(600), job, N(600), 100, verbose));
        Step("latency", () => LatencyScenario.Run(N(1000), 10, job, 20, outDir, verbose));
        Step("headroom", () => HeadroomScenario.Run(N(1000), 30, job, verbose));
        Step("memory", () => MemoryScenario.Run(N(3000), 0, job, N(1000), outDir, verbose));
        Step("scaling", () => ScalingScenario.Run(
            [.. Enumerable.Range(1, cores).Where(p => p <= 2 || p % 2 == 0)],
            [new FrameSize(320, 240), FrameSize.Vga, new FrameSize(1280, 720)],
            N(300), N(400), job, outDir, verbose));

        var path = Path.Combine(outDir, "results.md");
        ResultsMarkdown.Write(path, started, clock.Elapsed, MachineInfo.Current(), loadAtStart, command, reports);
        Console.WriteLine($"wrote {path} ({clock.Elapsed.TotalMinutes:F1} min)");
        return failed == 0 ? 0 : 1;
    }
}
