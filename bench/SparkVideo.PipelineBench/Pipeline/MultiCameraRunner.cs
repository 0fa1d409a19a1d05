using System.Diagnostics;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames.Output;
using SparkVideo.Processing;

namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>What one camera of a multi-camera run produced: its name, what it sent and dropped, its files.</summary>
public sealed record CameraRun(string Name, long Sent, long Dropped, IReadOnlyList<OutputFrame> Frames);

/// <summary>
/// One multi-camera run: every camera's outcome, the job's resident memory and CPU over time, and the CPU seconds the
/// cameras used (the camera servers' own, or the bench process's while it replayed the frames).
/// </summary>
public sealed record MultiCameraResult(IReadOnlyList<CameraRun> Cameras, IReadOnlyList<PipelineSample> Samples, TimeSpan Elapsed, double CamerasCpuSeconds);

/// <summary>What feeds the job's N sockets in a capacity run.</summary>
public enum CameraProducer
{
    /// <summary>N cameras replayed by the bench itself (<see cref="ReplayCameras"/>), synthetic frames: the job's cores are the job's.</summary>
    Replay,

    /// <summary>The same with the frames a camera server sends for the sample video (real frames, costlier to process).</summary>
    ReplayVideo,

    /// <summary>N real <c>CameraServer --source synthetic</c> processes, sharing the machine's cores with the job.</summary>
    CameraServer,
}

/// <summary>
/// Runs N synthetic cameras at a fixed rate, for a fixed frame count (replayed in this process, or N camera server
/// processes, each on a free loopback port) and one SparkJob reading all of them (--camera camK=127.0.0.1:PORT),
/// until every sent frame has a file or no file has appeared for a while after the cameras finished; samples the
/// job's RSS and CPU every half second.
/// </summary>
public static class MultiCameraRunner
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    public static MultiCameraResult Run(int cameras, double fps, int framesPerCamera, PipelineSettings job, CameraProducer producer, bool verbose)
    {
        using var workspace = new TempWorkspace("cameras");
        var outputDir = workspace.Sub("output");
        var names = Enumerable.Range(1, cameras).Select(i => $"cam{i.ToString(CultureInfo.InvariantCulture)}").ToList();
        using var fleet = producer is CameraProducer.Replay or CameraProducer.ReplayVideo
            ? (ICameraFleet)new ReplayFleet(cameras, fps, framesPerCamera, producer == CameraProducer.ReplayVideo, workspace.Path)
            : new CameraServerFleet(cameras, fps, framesPerCamera, workspace.Path);
        var jobArgs = new JobArguments
        {
            Cameras = [.. names.Select((name, i) => new JobCamera(name, "127.0.0.1", fleet.Port(i)))],
            OutputDir = outputDir,
            CheckpointDir = workspace.Sub("checkpoint"),
            Parallelism = job.Parallelism,
            IntraOpThreads = job.IntraOpThreads,
            TriggerIntervalMs = job.TriggerIntervalMs,
            StatsIntervalSeconds = verbose ? 5 : 0,
            NumRows = 1,
            UiPort = 0,
            Segmentation = job.Segmentation,
        };
        using var sparkJob = RunningJob.Start(jobArgs, new ChildProcessOptions
        {
            WorkingDirectory = workspace.Path,
            Environment = [.. job.JobEnvironment.Select(PipelineRunner.ParseVariable)],
            OnStdoutLine = line => { if (verbose && StatsLine.IsStatsLine(line)) Console.WriteLine($"  [job] {line}"); },
            MaxLinesKept = 200,
        });

        var expected = (long)cameras * framesPerCamera;
        var samples = new List<PipelineSample>();
        var clock = Stopwatch.StartNew();
        var count = 0;
        var lastCount = -1;
        var lastChange = clock.Elapsed;
        var maxDuration = TimeSpan.FromSeconds(90 + 2.0 * framesPerCamera / fps);
        bool AllWrittenOrIdle()
        {
            fleet.SampleCpu();
            count = CountFiles(outputDir);
            samples.Add(new PipelineSample(clock.Elapsed.TotalSeconds, count, ResidentMemory.MiB(sparkJob.Process.Id), null, ProcessStat.CpuSeconds(sparkJob.Process.Id), null));
            if (count != lastCount)
            {
                (lastCount, lastChange) = (count, clock.Elapsed);
            }
            return count >= expected || (!sparkJob.Process.HasExited && fleet.Finished && clock.Elapsed - lastChange > IdleTimeout);
        }
        switch (sparkJob.WatchUntil(AllWrittenOrIdle, Poll, maxDuration))
        {
            case JobWatchOutcome.Exited:
                throw new BenchException($"SparkJob exited with code {sparkJob.Process.ExitCode} after {count} files; last output: {sparkJob.Process.DescribeOutput(5)}");
            case JobWatchOutcome.TimedOut:
                throw new BenchException($"{cameras} cameras: run exceeded {maxDuration.TotalSeconds:F0} s with {count} of {expected} files");
        }
        var elapsed = clock.Elapsed;
        PipelineRunner.Stop(sparkJob.Process, "SparkJob");
        fleet.Stop();
        var runs = names.Select((name, i) => new CameraRun(name, fleet.Sent(i), fleet.Dropped(i), OutputFrame.ReadAll(Path.Combine(outputDir, name)))).ToList();
        return new MultiCameraResult(runs, samples, elapsed, fleet.CpuSeconds);
    }

    private static int CountFiles(string outputDir) =>
        OutputLayout.FrameFiles(outputDir, andCameraFolders: true).Count();

    /// <summary>The N cameras of one run, whichever the producer.</summary>
    private interface ICameraFleet : IDisposable
    {
        bool Finished { get; }

        /// <summary>CPU seconds the cameras used, as of the last <see cref="SampleCpu"/>.</summary>
        double CpuSeconds { get; }

        int Port(int camera);

        long Sent(int camera);

        long Dropped(int camera);

        void SampleCpu();

        void Stop();
    }

    /// <summary>Replayed by this process; its CPU is this process's over the run (an upper bound: the sampling is in it).</summary>
    private sealed class ReplayFleet(int cameras, double fps, int framesPerCamera, bool video, string workingDirectory) : ICameraFleet
    {
        private readonly ReplayCameras _replay = ReplayCameras.Start(cameras, fps, framesPerCamera, video, workingDirectory);
        private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

        public bool Finished => _replay.Finished;

        public double CpuSeconds { get; private set; }

        public int Port(int camera) => _replay.Ports[camera];

        public long Sent(int camera) => _replay.Sent(camera);

        public long Dropped(int camera) => _replay.Dropped(camera);

        public void SampleCpu()
        {
            if (!_replay.Finished)
            {
                CpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds;
            }
        }

        public void Stop() => _replay.Dispose();

        public void Dispose() => _replay.Dispose();
    }

    /// <summary>One CameraServer process per camera; their CPU is summed from /proc while they run.</summary>
    private sealed class CameraServerFleet : ICameraFleet
    {
        private readonly List<ChildProcess> _servers = [];
        private readonly List<CameraCounts> _counts = [];
        private readonly List<int> _ports = [];
        private readonly double[] _cpu;

        public CameraServerFleet(int cameras, double fps, int framesPerCamera, string workingDirectory)
        {
            _cpu = new double[cameras];
            try
            {
                for (var i = 0; i < cameras; i++)
                {
                    var cameraCounts = new CameraCounts();
                    _counts.Add(cameraCounts);
                    var server = SparkVideoProgram.CameraServer.Start(["--source", "synthetic", "--fps", fps.ToString(CultureInfo.InvariantCulture),
                         "--max-frames", framesPerCamera.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--port", "0"],
                        new ChildProcessOptions { WorkingDirectory = workingDirectory, OnStdoutLine = cameraCounts.Observe, MaxLinesKept = 50 });
                    _servers.Add(server);
                    _ports.Add(CameraOutput.Port(PipelineRunner.WaitForListening(server)));
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public bool Finished => _servers.TrueForAll(s => s.HasExited);

        public double CpuSeconds => _cpu.Sum();

        public int Port(int camera) => _ports[camera];

        public long Sent(int camera) => _counts[camera].Sent;

        public long Dropped(int camera) => _counts[camera].Dropped;

        public void SampleCpu()
        {
            for (var i = 0; i < _servers.Count; i++)
            {
                if (ProcessStat.CpuSeconds(_servers[i].Id) is { } seconds)
                {
                    _cpu[i] = seconds;
                }
            }
        }

        public void Stop() => _servers.ForEach(s => PipelineRunner.Stop(s, "CameraServer"));

        public void Dispose() => _servers.ForEach(s => s.Dispose());
    }
}
