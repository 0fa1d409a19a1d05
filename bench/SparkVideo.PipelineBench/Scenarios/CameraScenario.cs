using System.Text;
using SparkVideo.ChildProcesses;
using SparkVideo.PipelineBench.CameraCost;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// The camera server's own CPU per frame at a real-time rate, for the sample video file and for the synthetic source
/// (<see cref="CameraServerCpu"/>), in one run; writes camera_server.md. The file twice: every frame decoded and
/// encoded (the target's row), and looped as by default, where the frames after the first pass (the 100 warm-up
/// frames are the sample's first pass) are the first pass's JPEGs sent again.
/// </summary>
public static class CameraScenario
{
    public const double TargetFileCpuMs = 2.0;
    private const string DecodedFile = "video file (samples/people_walking.mp4, 640x480), every frame decoded and encoded (--replay-cache-mib 0)";

    public static ScenarioReport Run(double fps, int warmUpFrames, int seconds, int rounds, string outDir)
    {
        using var workspace = new TempWorkspace("camera");
        (string Name, string Source, string[] Options)[] sources =
        [
            (DecodedFile, RepoPaths.PeopleWalkingVideo, ["--replay-cache-mib", "0"]),
            ("video file looped, after its first pass (the default: the first pass's JPEGs sent again)", RepoPaths.PeopleWalkingVideo, []),
            ("synthetic (640x480)", "synthetic", []),
        ];
        var results = sources.ToDictionary(s => s.Item1, _ => new List<CameraServerCpu.Result>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, source, options) in sources)
            {
                var result = CameraServerCpu.Measure(source, options, fps, warmUpFrames, TimeSpan.FromSeconds(seconds), workspace.Path);
                Console.WriteLine($"  {name}: {result.Frames} frames in {Format.N(result.Window.TotalSeconds)} s, " +
                    $"{Format.N(result.CpuMsPerFrame, 2)} ms CPU per frame (load average {MachineInfo.LoadAverage()})");
                results[name].Add(result);
            }
        }

        var settings = $"CameraServer at {fps:0.##} FPS, one consumer on loopback; CPU (utime + stime) over {seconds} s after the " +
            $"first {warmUpFrames} frames; {rounds} round{(rounds == 1 ? "" : "s")}, sources alternated";
        var report = new ScenarioReport("camera", settings);
        foreach (var (name, _, _) in sources)
        {
            var perFrame = Median(results[name]);
            var isTargetRow = name == DecodedFile;
            report.Add($"{name}: CPU per frame (median)", Format.N(perFrame, 2) + " ms",
                isTargetRow ? $"<= {TargetFileCpuMs:0.#} ms" : "", isTargetRow ? perFrame <= TargetFileCpuMs : null);
        }
        var table = Table(results);
        report.MarkdownSections.Add(table);
        Directory.CreateDirectory(outDir);
        var md = Path.Combine(outDir, "camera_server.md");
        File.WriteAllText(md, $"# The camera server's CPU per frame\n\n{settings} (load average at the end {MachineInfo.LoadAverage()}).\n\n{table}");
        report.Files.Add(md);
        return report;
    }

    private static double Median(List<CameraServerCpu.Result> results)
    {
        var sorted = results.Select(r => r.CpuMsPerFrame).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Table(Dictionary<string, List<CameraServerCpu.Result>> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| source | frames measured | CPU per frame, each round | median |");
        text.AppendLine("| --- | ---: | --- | ---: |");
        foreach (var (name, rounds) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {rounds.Sum(r => r.Frames)} | {string.Join(", ", rounds.Select(r => Format.N(r.CpuMsPerFrame, 2) + " ms"))} | {Format.N(Median(rounds), 2)} ms |");
        }
        return text.ToString();
    }
}
