using System.Diagnostics;
using System.Globalization;
using SparkVideo.PipelineBench.Infrastructure;

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

        void OnJobLine(string line)
        {
            var isStats = line.StartsWith("[stats]", StringComparison.Ordinal);
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

        using var camera = ChildProcess.StartDotnet("CameraServer", RepoPaths.CameraServerDll, CameraArgs(settings), workspace.Path, OnCameraLine);
        var port = CameraOutput.Port(camera.WaitForLine(CameraOutput.IsListening, StartTimeout, "'Listening on 127.0.0.1:PORT'"));
        using var job = ChildProcess.StartDotnet("SparkJob", RepoPaths.SparkJobDll, JobArgs(settings, port, outputDir, checkpointDir), workspace.Path, OnJobLine,
            settings.JobEnvironment.Select(ParseVariable));

        var clock = Stopwatch.StartNew();
        var samples = new List<PipelineSample>();
        var lastCount = -1;
        var lastChange = clock.Elapsed;
        while (true)
        {
            Thread.Sleep(Poll);
            var count = Directory.EnumerateFiles(outputDir, "frame_*.jpg").Count();
            samples.Add(new PipelineSample(clock.Elapsed.TotalSeconds, count,
                ProcMemory.ResidentMiB(job.Id), ProcMemory.ResidentMiB(camera.Id), ProcCpu.Seconds(job.Id), ProcCpu.Seconds(camera.Id)));
            if (count != lastCount)
            {
                lastCount = count;
                lastChange = clock.Elapsed;
            }
            if (count >= settings.Frames)
            {
                break;
            }
            if (job.HasExited)
            {
                throw new BenchException($"SparkJob exited with code {job.ExitCode} after {count} files; last output: {job.Tail(5)}");
            }
            if (camera.HasExited && clock.Elapsed - lastChange > settings.IdleTimeout)
            {
                Console.WriteLine($"  note: {count} of {settings.Frames} files after the camera finished; no new file for {settings.IdleTimeout.TotalSeconds:F0} s");
                break;
            }
            if (clock.Elapsed > settings.MaxDuration)
            {
                throw new BenchException($"pipeline run exceeded {settings.MaxDuration.TotalSeconds:F0} s with {count} of {settings.Frames} files; job: {job.Tail(3)}");
            }
        }
        var elapsed = clock.Elapsed;
        job.Stop(StopGrace);
        camera.Stop(StopGrace);

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

    private static KeyValuePair<string, string> ParseVariable(string assignment)
    {
        var equals = assignment.IndexOf('=');
        return equals > 0
            ? new(assignment[..equals], assignment[(equals + 1)..])
            : throw new BenchException($"--job-env expects KEY=VALUE, got '{assignment}'");
    }

    private static IEnumerable<string> CameraArgs(PipelineSettings s) =>
    [
        "--source", RepoPaths.SampleVideo, "--loop",
        "--fps", s.CameraFps.ToString(CultureInfo.InvariantCulture),
        "--max-frames", s.Frames.ToString(CultureInfo.InvariantCulture),
        "--width", s.Width.ToString(CultureInfo.InvariantCulture),
        "--height", s.Height.ToString(CultureInfo.InvariantCulture),
        "--host", "127.0.0.1", "--port", "0",
    ];

    private static IEnumerable<string> JobArgs(PipelineSettings s, int port, string outputDir, string checkpointDir) =>
    [
        "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
        "--output-dir", outputDir, "--checkpoint-dir", checkpointDir,
        "--parallelism", s.Parallelism.ToString(CultureInfo.InvariantCulture),
        "--intra-op-threads", s.IntraOpThreads.ToString(CultureInfo.InvariantCulture),
        "--trigger-interval-ms", s.TriggerIntervalMs.ToString(CultureInfo.InvariantCulture),
        "--stats-interval-seconds", "5", "--num-rows", "1",
    ];
}
