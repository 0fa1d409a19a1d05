using System.Diagnostics;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames.Output;
using SparkVideo.Processing;

namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>
/// Runs the real pipeline once: the built CameraServer (the sample video, looped, on a free loopback port) and
/// SparkJob on the embedded engine as child processes, writing into a temporary folder. Waits until every sent
/// frame has a file (or no file has appeared for a while after the camera finished), stops both with SIGINT,
/// and reads the files' names and write times.
/// </summary>
public static class PipelineRunner
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Output lines kept per stream and child, for error messages; a long run prints far more.</summary>
    private const int RecentLinesKept = 400;

    public static PipelineResult Run(PipelineSettings settings, bool verbose = false)
    {
        using var workspace = new TempWorkspace("pipeline");
        var outputDir = workspace.Sub("output");
        var checkpointDir = workspace.Sub("checkpoint");
        var counts = new CameraCounts();
        var statsLines = new List<string>();

        void OnCameraLine(string line)
        {
            counts.Observe(line);
            if (verbose)
            {
                Console.WriteLine($"  [camera] {line}");
            }
        }

        var liveViewPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnJobLine(string line)
        {
            if (line.StartsWith(LiveViewPrefix, StringComparison.Ordinal))
            {
                liveViewPort.TrySetResult(new Uri(line[LiveViewPrefix.Length..]).Port);
            }
            var isStats = StatsLine.IsStatsLine(line);
            if (isStats)
            {
                lock (statsLines)
                {
                    statsLines.Add(line);
                }
            }
            // The console sink's batch tables are left out; errors reach the user through Tail() on failure.
            if (verbose && (isStats || line.StartsWith("stderr:", StringComparison.Ordinal)))
            {
                Console.WriteLine($"  [job] {line}");
            }
        }

        using var camera = SparkVideoProgram.CameraServer.Start(CameraArgs(settings), new ChildProcessOptions
        {
            WorkingDirectory = workspace.Path,
            OnStdoutLine = OnCameraLine,
            OnStderrLine = line => OnCameraLine("stderr: " + line),
            MaxLinesKept = RecentLinesKept,
        });
        var port = CameraOutput.Port(WaitForListening(camera));
        using var job = RunningJob.Start(JobArgs(settings, port, outputDir, checkpointDir), new ChildProcessOptions
        {
            WorkingDirectory = workspace.Path,
            Environment = [.. settings.JobEnvironment.Select(ParseVariable)],
            OnStdoutLine = OnJobLine,
            OnStderrLine = line => OnJobLine("stderr: " + line),
            MaxLinesKept = RecentLinesKept,
        });

        using var viewers = settings.LiveView && settings.Viewers > 0
            ? MjpegViewers.Start(WaitForLiveView(liveViewPort.Task), settings.Viewers)
            : null;

        var clock = Stopwatch.StartNew();
        var samples = new List<PipelineSample>();
        var count = 0;
        var lastCount = -1;
        var lastChange = clock.Elapsed;
        bool AllWrittenOrIdle()
        {
            count = OutputLayout.FrameFiles(outputDir).Count();
            samples.Add(new PipelineSample(clock.Elapsed.TotalSeconds, count,
                ResidentMemory.MiB(job.Process.Id), ResidentMemory.MiB(camera.Id), ProcessStat.CpuSeconds(job.Process.Id), ProcessStat.CpuSeconds(camera.Id)));
            if (count != lastCount)
            {
                lastCount = count;
                lastChange = clock.Elapsed;
            }
            if (count >= settings.Frames)
            {
                return true;
            }
            if (!job.Process.HasExited && camera.HasExited && clock.Elapsed - lastChange > settings.IdleTimeout)
            {
                Console.WriteLine($"  note: {count} of {settings.Frames} files after the camera finished; no new file for {settings.IdleTimeout.TotalSeconds:F0} s");
                return true;
            }
            return false;
        }
        switch (job.WatchUntil(AllWrittenOrIdle, Poll, settings.MaxDuration))
        {
            case JobWatchOutcome.Exited:
                throw new BenchException($"SparkJob exited with code {job.Process.ExitCode} after {count} files; last output: {job.Process.DescribeOutput(5)}");
            case JobWatchOutcome.TimedOut:
                throw new BenchException($"pipeline run exceeded {settings.MaxDuration.TotalSeconds:F0} s with {count} of {settings.Frames} files; job: {job.Process.DescribeOutput(3)}");
        }
        var elapsed = clock.Elapsed;
        if (viewers is not null)
        {
            Console.WriteLine($"  viewers: {viewers.Connected} connected, {viewers.FramesRead} frames read in total");
        }
        Stop(job.Process, "SparkJob");
        Stop(camera, "CameraServer");

        var frames = OutputFrame.ReadAll(outputDir);
        if (counts.SessionsEnded > 1)
        {
            Console.WriteLine($"  note: the job connected {counts.SessionsEnded} times to the camera server (it reconnected)");
        }
        lock (statsLines)
        {
            return new PipelineResult(settings, frames, counts.Sent, counts.Dropped, samples, [.. statsLines], elapsed);
        }
    }

    private const string LiveViewPrefix = "Live view: ";

    private static int WaitForLiveView(Task<int> port) =>
        port.Wait(StartTimeout) ? port.Result : throw new BenchException("SparkJob did not print 'Live view: http://127.0.0.1:PORT/'");

    internal static string WaitForListening(ChildProcess camera)
    {
        try
        {
            return camera.WaitForLine(CameraOutput.IsListening, StartTimeout);
        }
        catch (TimeoutException e)
        {
            throw new BenchException($"CameraServer did not print 'Listening on 127.0.0.1:PORT' (exit code {camera.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}): {e.Message}");
        }
    }

    /// <summary>SIGINT, then up to <see cref="StopGrace"/> for a clean exit, then kill with a warning.</summary>
    internal static void Stop(ChildProcess child, string name)
    {
        if (child.InterruptOrKill(StopGrace) is null)
        {
            Console.Error.WriteLine($"warning: {name} did not exit within {StopGrace.TotalSeconds:F0} s of SIGINT; killed it");
        }
    }

    internal static KeyValuePair<string, string> ParseVariable(string assignment)
    {
        var equals = assignment.IndexOf('=');
        return equals > 0
            ? new(assignment[..equals], assignment[(equals + 1)..])
            : throw new BenchException($"--job-env expects KEY=VALUE, got '{assignment}'");
    }

    private static IEnumerable<string> CameraArgs(PipelineSettings s) =>
    [
        "--source", RepoPaths.PeopleWalkingVideo, "--loop",
        "--fps", s.CameraFps.ToString(CultureInfo.InvariantCulture),
        "--max-frames", s.Frames.ToString(CultureInfo.InvariantCulture),
        "--width", s.Width.ToString(CultureInfo.InvariantCulture),
        "--height", s.Height.ToString(CultureInfo.InvariantCulture),
        "--host", "127.0.0.1", "--port", "0",
    ];

    private static JobArguments JobArgs(PipelineSettings s, int port, string outputDir, string checkpointDir) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        OutputDir = outputDir,
        CheckpointDir = checkpointDir,
        Parallelism = s.Parallelism,
        IntraOpThreads = s.IntraOpThreads,
        TriggerIntervalMs = s.TriggerIntervalMs,
        StatsIntervalSeconds = 5,
        NumRows = 1,
        UiPort = s.LiveView ? FreePort.Get() : 0,
        Smoothing = s.Smoothing,
        Segmentation = s.Segmentation,
    };
}
