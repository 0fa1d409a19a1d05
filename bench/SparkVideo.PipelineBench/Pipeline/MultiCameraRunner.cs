using System.Diagnostics;
using SparkVideo.Processes;

namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>What one camera of a multi-camera run produced: its name, what it sent and dropped, its files.</summary>
public sealed record CameraRun(string Name, long Sent, long Dropped, IReadOnlyList<OutputFrame> Frames);

/// <summary>One multi-camera run: every camera's outcome and the job's resident memory and CPU over time.</summary>
public sealed record MultiCameraResult(IReadOnlyList<CameraRun> Cameras, IReadOnlyList<PipelineSample> Samples, TimeSpan Elapsed);

/// <summary>
/// Runs N synthetic camera servers (each on a free loopback port, at a fixed rate, for a fixed frame count) and
/// one SparkJob reading all of them (--camera camK=127.0.0.1:PORT), until every sent frame has a file or no file
/// has appeared for a while after the cameras finished; samples the job's RSS and CPU every half second.
/// </summary>
public static class MultiCameraRunner
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    public static MultiCameraResult Run(int cameras, double fps, int framesPerCamera, PipelineSettings job, bool verbose)
    {
        using var workspace = new TempWorkspace("cameras");
        var outputDir = workspace.Sub("output");
        var names = Enumerable.Range(1, cameras).Select(i => $"cam{i.ToString(CultureInfo.InvariantCulture)}").ToList();
        var counts = names.Select(_ => new CameraCounts()).ToList();
        var servers = new List<ChildProcess>();
        try
        {
            var jobArgs = new List<string>();
            for (var i = 0; i < cameras; i++)
            {
                var cameraCounts = counts[i];
                var server = ChildProcess.StartDotnet(PipelineRunner.BuiltProgram("CameraServer", "src/CameraServer"),
                    ["--source", "synthetic", "--fps", fps.ToString(CultureInfo.InvariantCulture),
                     "--max-frames", framesPerCamera.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--port", "0"],
                    new ChildProcessOptions { WorkingDirectory = workspace.Path, OnStdoutLine = cameraCounts.Observe, MaxLinesKept = 50 });
                servers.Add(server);
                var port = CameraOutput.Port(PipelineRunner.WaitForListening(server));
                jobArgs.AddRange(["--camera", $"{names[i]}=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"]);
            }
            jobArgs.AddRange([
                "--output-dir", outputDir, "--checkpoint-dir", workspace.Sub("checkpoint"),
                "--parallelism", job.Parallelism.ToString(CultureInfo.InvariantCulture),
                "--intra-op-threads", job.IntraOpThreads.ToString(CultureInfo.InvariantCulture),
                "--trigger-interval-ms", job.TriggerIntervalMs.ToString(CultureInfo.InvariantCulture),
                "--stats-interval-seconds", verbose ? "5" : "0", "--num-rows", "1", "--ui-port", "0",
            ]);
            using var sparkJob = ChildProcess.StartDotnet(PipelineRunner.BuiltProgram("SparkJob", "src/SparkJob"), jobArgs, new ChildProcessOptions
            {
                WorkingDirectory = workspace.Path,
                Environment = [.. job.JobEnvironment.Select(PipelineRunner.ParseVariable)],
                OnStdoutLine = line => { if (verbose && line.StartsWith("[stats]", StringComparison.Ordinal)) Console.WriteLine($"  [job] {line}"); },
                MaxLinesKept = 200,
            });

            var expected = (long)cameras * framesPerCamera;
            var samples = new List<PipelineSample>();
            var clock = Stopwatch.StartNew();
            var lastCount = -1;
            var lastChange = clock.Elapsed;
            var maxDuration = TimeSpan.FromSeconds(90 + 2.0 * framesPerCamera / fps);
            while (true)
            {
                Thread.Sleep(Poll);
                var count = CountFiles(outputDir);
                samples.Add(new PipelineSample(clock.Elapsed.TotalSeconds, count, ResidentMemory.MiB(sparkJob.Id), null, ProcCpu.Seconds(sparkJob.Id), null));
                if (count != lastCount)
                {
                    (lastCount, lastChange) = (count, clock.Elapsed);
                }
                if (count >= expected)
                {
                    break;
                }
                if (sparkJob.HasExited)
                {
                    throw new BenchException($"SparkJob exited with code {sparkJob.ExitCode} after {count} files; last output: {sparkJob.DescribeOutput(5)}");
                }
                if (servers.TrueForAll(s => s.HasExited) && clock.Elapsed - lastChange > IdleTimeout)
                {
                    break;
                }
                if (clock.Elapsed > maxDuration)
                {
                    throw new BenchException($"{cameras} cameras: run exceeded {maxDuration.TotalSeconds:F0} s with {count} of {expected} files");
                }
            }
            var elapsed = clock.Elapsed;
            PipelineRunner.Stop(sparkJob, "SparkJob");
            servers.ForEach(s => PipelineRunner.Stop(s, "CameraServer"));
            var runs = names.Select((name, i) => new CameraRun(name, counts[i].Sent, counts[i].Dropped, OutputFrame.ReadAll(Path.Combine(outputDir, name)))).ToList();
            return new MultiCameraResult(runs, samples, elapsed);
        }
        finally
        {
            servers.ForEach(s => s.Dispose());
        }
    }

    private static int CountFiles(string outputDir) =>
        Directory.EnumerateFiles(outputDir, "frame_*.jpg", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1 }).Count();
}
