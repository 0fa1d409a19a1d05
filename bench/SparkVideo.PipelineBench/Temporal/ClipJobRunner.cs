using System.Diagnostics;
using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames.Output;
using SparkVideo.PipelineBench.Pipeline;
using SparkVideo.Processing;

namespace SparkVideo.PipelineBench.Temporal;

/// <summary>What one run of the real job on a clip wrote: the output frames in capture order and its last [stats] line.</summary>
public sealed record ClipJobResult(IReadOnlyList<Mat> Frames, string? LastStats) : IDisposable
{
    public void Dispose()
    {
        foreach (var frame in Frames)
        {
            frame.Dispose();
        }
    }
}

/// <summary>
/// Plays a clip once through the real SparkJob (a child process on the embedded engine, with extra options such as
/// --smoothing) from a <see cref="ClipCamera"/>, waits for a file per frame and a [stats] line (one a second) that
/// counts them all, stops the job with SIGINT and reads back its output frames and that line.
/// </summary>
public static class ClipJobRunner
{
    private static readonly TimeSpan FilesTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static ClipJobResult Run(IReadOnlyList<byte[]> clip, int width, int height, double fps, int parallelism, IEnumerable<string> jobOptions, bool verbose)
    {
        using var workspace = new TempWorkspace("clip");
        var outputDir = workspace.Sub("output");
        string? lastStats = null;
        using var camera = new ClipCamera(clip, width, height, fps);
        var arguments = new JobArguments
        {
            Host = "127.0.0.1",
            Port = camera.Port,
            OutputDir = outputDir,
            CheckpointDir = workspace.Sub("checkpoint"),
            Parallelism = parallelism,
            StatsIntervalSeconds = 1,
            NumRows = 1,
            UiPort = 0,
            Segmentation = BenchSegmentation.OnePass,
            Extra = [.. jobOptions],
        };
        using var job = RunningJob.Start(arguments, new ChildProcessOptions
        {
            WorkingDirectory = workspace.Path,
            OnStdoutLine = line =>
            {
                if (StatsLine.IsStatsLine(line))
                {
                    Volatile.Write(ref lastStats, line);
                    if (verbose)
                    {
                        Console.WriteLine($"  [job] {line}");
                    }
                }
            },
            MaxLinesKept = 200,
        });
        var clock = Stopwatch.StartNew();
        switch (job.WatchUntil(() => OutputLayout.FrameFiles(outputDir).Count() >= clip.Count, Poll, FilesTimeout))
        {
            case JobWatchOutcome.Exited:
                throw new BenchException($"SparkJob exited with code {job.Process.ExitCode}; last output: {job.Process.DescribeOutput(5)}");
            case JobWatchOutcome.TimedOut:
                throw new BenchException($"SparkJob wrote {OutputLayout.FrameFiles(outputDir).Count()} of {clip.Count} files in {FilesTimeout.TotalSeconds:F0} s");
        }
        var counted = $"| processed {clip.Count.ToString(CultureInfo.InvariantCulture)} |";
        if (FilesTimeout - clock.Elapsed is var left && left > TimeSpan.Zero)
        {
            job.WatchUntil(() => Volatile.Read(ref lastStats)?.Contains(counted, StringComparison.Ordinal) == true, Poll, left);
        }
        PipelineRunner.Stop(job.Process, "SparkJob");
        var frames = OutputFrame.ReadAll(outputDir).OrderBy(f => f.CaptureUnixMs)
            .Select(f => Cv2.ImRead(Path.Combine(outputDir, f.Name), ImreadModes.Color)).ToList();
        return new ClipJobResult(frames, Volatile.Read(ref lastStats));
    }
}
