using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.PipelineBench.Bare;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>The limit: the in-process loop on every core, with the per-stage split.</summary>
public static class BareScenario
{
    /// <param name="openCvThreads">OpenCV's own thread pool size for this run; 0 keeps OpenCV's default; the job runs with 1.</param>
    /// <param name="paceFps">Each worker's frames a second, sleeping between frames; 0 runs them back to back.</param>
    public static BareLoopResult Measure(long frames, int workers, FrameSize size, int openCvThreads = 1, double paceFps = 0)
    {
        var samples = SampleFrames.Load(RepoPaths.PeopleWalkingVideo, size.Width, size.Height);
        using var workspace = new TempWorkspace("bare");
        var previous = Cv2.GetNumThreads();
        if (openCvThreads > 0)
        {
            Cv2.SetNumThreads(openCvThreads);
        }
        try
        {
            return new BareLoop(samples, size.Width, size.Height, workers, paceFps).Run(frames, workspace.Path);
        }
        finally
        {
            Cv2.SetNumThreads(previous);
        }
    }

    public static ScenarioReport Run(long frames, int workers, FrameSize size, int openCvThreads = 1, double paceFps = 0)
    {
        var result = Measure(frames, workers, size, openCvThreads, paceFps);
        var openCv = openCvThreads > 0 ? $"OpenCV threads {openCvThreads}" : "OpenCV default threads";
        var paced = paceFps > 0 ? $", each worker paced at {Format.N(paceFps)} FPS" : "";
        var report = new ScenarioReport("bare", $"{size}, {workers} workers (IntraOpThreads=1, SharedSegmenter, {openCv}){paced}, {frames} frames");
        report.Add("frames/s", Format.N(result.FramesPerSecond));
        report.Add("elapsed", Format.N(result.Elapsed.TotalSeconds) + " s");
        report.Add("CPU per frame", Format.N(result.CpuMsPerFrame) + " ms (process CPU time / frames)");
        foreach (var stage in Enum.GetValues<Stage>())
        {
            report.Add($"{stage.ToString().ToLowerInvariant()} (CPU ms/frame, share; wall)",
                $"{Format.N(result.Stages.MeanCpuMs(stage, result.Frames), 2)} ms, {Format.Percent(result.Stages.Share(stage))}; " +
                $"{Format.N(result.Stages.MeanMs(stage, result.Frames), 2)} ms");
        }
        report.MarkdownSections.Add(StageTable(result));
        return report;
    }

    private static string StageTable(BareLoopResult result)
    {
        var lines = new List<string>
        {
            $"Bare loop stage split ({result.Width}x{result.Height}, {result.Workers} workers; per frame, on the worker thread " +
            "that ran it: " +
            "its CPU time, and the wall time, which on a shared machine includes waiting for a core):",
            "",
            "| stage | CPU ms/frame | share of CPU | wall ms/frame |",
            "|---|---:|---:|---:|",
        };
        foreach (var stage in Enum.GetValues<Stage>())
        {
            lines.Add($"| {stage.ToString().ToLowerInvariant()} | {Format.N(result.Stages.MeanCpuMs(stage, result.Frames), 2)} | " +
                $"{Format.Percent(result.Stages.Share(stage))} | {Format.N(result.Stages.MeanMs(stage, result.Frames), 2)} |");
        }
        return string.Join('\n', lines);
    }
}
