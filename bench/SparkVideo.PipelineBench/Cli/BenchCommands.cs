using System.CommandLine;
using SparkVideo.ChildProcesses;
using SparkVideo.CommandLine;
using SparkVideo.PipelineBench.Scenarios;

namespace SparkVideo.PipelineBench.Cli;

/// <summary>The harness's command line: one subcommand per scenario, each with bounded counts and its defaults.</summary>
public static class BenchCommands
{
    private static readonly int Cores = Environment.ProcessorCount;

    public static RootCommand Build(string[] args)
    {
        var outDir = new Option<string>("--out-dir")
        {
            Description = "Folder for CSVs, charts and results.md [default: docs/perf in the repository]",
            Recursive = true,
        };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Echo the camera server's progress and the job's [stats] lines",
            Recursive = true,
        };
        var trigger = CommandOptions.WithDefault(
            "--trigger-interval-ms",
            "SparkJob's micro-batch trigger interval (0 = next batch as soon as the last ends)",
            0L)
            .Require(t => t is >= 0 and <= 60_000, "--trigger-interval-ms must be between 0 and 60000");
        trigger.Recursive = true;
        var jobEnv = new Option<string[]>("--job-env")
        {
            Description = "KEY=VALUE environment variable for SparkJob (repeatable), e.g. " +
                "GLIBC_TUNABLES=glibc.malloc.trim_threshold=536870912",
            Recursive = true,
        };
        var jobSmoothing = CommandOptions.WithDefault(
            "--job-smoothing",
            "SparkJob's --smoothing in the pipeline runs (0 = off; on, the camera's frames run in one partition)",
            0f)
            .Require(a => a is >= 0 and < 1, "--job-smoothing must be at least 0 and less than 1");
        jobSmoothing.Recursive = true;
        var jobSegmentation = CommandOptions.WithDefault(
            "--job-segmentation",
            "SparkJob's --segmentation in the pipeline runs: frame (one pass, what the cost and capacity history measured) or people (the job's default)",
            BenchSegmentation.OnePass);
        jobSegmentation.AcceptOnlyFromAmong("frame", "people");
        jobSegmentation.Recursive = true;
        PipelineSettings JobTemplate(ParseResult r) =>
            new()
            {
                TriggerIntervalMs = r.GetValue(trigger),
                JobEnvironment = r.GetValue(jobEnv) ?? [],
                Smoothing = r.GetValue(jobSmoothing),
                Segmentation = r.GetValue(jobSegmentation)!,
            };
        PipelineSettings Job(ParseResult r, Option<int> parallelism) => JobTemplate(r) with { Parallelism = r.GetValue(parallelism) };
        string OutDir(ParseResult r) => r.GetValue(outDir) is { Length: > 0 } dir ? Path.GetFullPath(dir) : RepoPaths.InRepo("docs/perf");

        var root = new RootCommand(
            "SparkVideo pipeline harness: the in-process limit (bare), the whole camera → job → files pipeline " +
            "(throughput, latency, headroom, memory, scaling) and 'all', which writes docs/perf/results.md.")
        {
            outDir, verbose, trigger, jobEnv, jobSmoothing, jobSegmentation,
        };

        var bareFrames = Frames(2000);
        var workers = Positive("--workers", Cores, "Worker threads (one per core is the limit)");
        var size = CommandOptions.WithDefault("--size", "Frame size WIDTHxHEIGHT", "640x480");
        var openCvThreads = CommandOptions.WithDefault(
            "--opencv-threads",
            "OpenCV's internal thread pool size (1 = work on the calling thread, as the job runs; 0 = OpenCV's default)",
            1).Between(0, 1024);
        var paceFps = CommandOptions.WithDefault(
            "--pace-fps",
            "Frames a second for each worker, sleeping between them as a paced camera's job does (0 = back to back)",
            0.0).Require(fps => fps is >= 0 and <= 1000, "--pace-fps must be between 0 and 1000");
        root.Subcommands.Add(Command("bare", "In-process decode → segment → composite → encode → write on every core; frames/s and the " +
            "per-stage split.",
            [bareFrames, workers, size, openCvThreads, paceFps],
            r => Print(
                BareScenario.Run(
                    r.GetValue(bareFrames),
                    r.GetValue(workers),
                    FrameSize.Parse(r.GetValue(size)!),
                    r.GetValue(openCvThreads),
                    r.GetValue(paceFps)))));

        var t = PipelineRun.Options(frames: 1000);
        var tBare = Positive("--bare-frames", 1000, "Frames for the bare loop run for the ratio");
        var tWarm = Positive("--warmup-files", 100, "Files excluded from the steady-state rate");
        root.Subcommands.Add(Command("throughput", "The whole pipeline at camera --fps 0: files/s in steady state, and the ratio to the " +
            "bare loop (target >= 0.85).",
            [.. t.All, tBare, tWarm],
            r => Print(
                ThroughputScenario.Run(
                    r.GetValue(t.Frames),
                    Job(r, t.Parallelism),
                    r.GetValue(tBare),
                    r.GetValue(tWarm),
                    r.GetValue(verbose)))));

        var l = PipelineRun.Options(frames: 1000, fps: 10);
        var lWarm = Positive("--warmup-files", 20, "First files (model load, first batches) excluded from the percentiles");
        root.Subcommands.Add(Command("latency", "Capture → file latency per frame at the camera's real-time rate: p50, p99, max; writes " +
            "latency.csv and latency.png.",
            [.. l.All, lWarm],
            r => Print(
                LatencyScenario.Run(
                    r.GetValue(l.Frames),
                    l.FpsOf(r),
                    Job(r, l.Parallelism),
                    r.GetValue(lWarm),
                    OutDir(r),
                    r.GetValue(verbose)))));

        var h = PipelineRun.Options(frames: 1000, fps: 30);
        root.Subcommands.Add(Command("headroom", "Camera at 30 FPS: the camera server must drop nothing and the job must keep up.",
            h.All,
            r => Print(HeadroomScenario.Run(r.GetValue(h.Frames), h.FpsOf(r), Job(r, h.Parallelism), r.GetValue(verbose)))));

        var m = PipelineRun.Options(frames: 10000, fps: 0);
        var mWindow = Positive("--window", 1000, "Files per comparison window");
        root.Subcommands.Add(Command("memory", "VmRSS of the job and the camera server every second: first window after warm-up vs the " +
            "last (target within 10 %); writes memory.csv.",
            [.. m.All, mWindow],
            r => Print(
                MemoryScenario.Run(
                    r.GetValue(m.Frames),
                    m.FpsOf(r),
                    Job(r, m.Parallelism),
                    r.GetValue(mWindow),
                    OutDir(r),
                    r.GetValue(verbose)))));

        var sParallelism = CommandOptions.WithDefault(
            "--parallelism",
            "Comma-separated parallelism values",
            string.Join(",", Enumerable.Range(1, Cores)));
        var sSizes = CommandOptions.WithDefault("--sizes", "Comma-separated frame sizes", "320x240,640x480,1280x720");
        var sBare = Positive("--bare-frames", 500, "Frames per bare loop run");
        var sPipeline = Positive("--pipeline-frames", 500, "Frames per pipeline run");
        root.Subcommands.Add(Command("scaling", "Bare and pipeline throughput against parallelism (640x480) and frame size; writes " +
            "throughput_vs_parallelism.png.",
            [sParallelism, sSizes, sBare, sPipeline],
            r => Print(ScalingScenario.Run(ParseList(r.GetValue(sParallelism)!, int.Parse), ParseList(r.GetValue(sSizes)!, FrameSize.Parse),
                r.GetValue(sBare), r.GetValue(sPipeline), JobTemplate(r), OutDir(r), r.GetValue(verbose)))));

        var qFrames = Positive("--frames-per-height", 24, "Ground-truth composites per person height");
        root.Subcommands.Add(Command("quality", "Kept pixels against exact person masks (samples/quality composites): IoU, soft IoU and " +
            "boundary IoU per person height, the share kept with nobody, CPU per frame; writes quality.md, quality.csv and quality.png.",
            [qFrames],
            r => Print(QualityScenario.Run(r.GetValue(qFrames), OutDir(r)))));

        var wClips = Positive("--clips-per-height", 8, "Walking clips per person height");
        var wFrames = Positive("--frames-per-clip", 40, "Frames per walking clip (10 FPS)");
        root.Subcommands.Add(Command("quality-video", "The people path as a camera runs it (--detect-every, boxes carried): walking " +
            "people over the samples/quality scenes, IoU per person height, people lost, CPU per frame against the one pass; writes " +
            "quality_video.md and quality_video.csv.",
            [wClips, wFrames],
            r => Print(WalkingQualityScenario.Run(r.GetValue(wClips), r.GetValue(wFrames), OutDir(r)))));

        var v = PipelineRun.Options(frames: 1000);
        var vWarm = Positive("--warmup-files", 100, "Files excluded from the steady-state rate");
        root.Subcommands.Add(Command("viewers", "The pipeline at camera --fps 0 with the live view and 0, 1, 8 MJPEG viewers: throughput " +
            "cost of one viewer (target <= 5 %), frames lost with 8 (target 0).",
            [.. v.All, vWarm],
            r => Print(ViewersScenario.Run(r.GetValue(v.Frames), Job(r, v.Parallelism), r.GetValue(vWarm), r.GetValue(verbose)))));

        var cCounts = new Option<string>("--cameras")
        {
            Description = "Comma-separated camera counts",
            DefaultValueFactory = _ => "1,2,4,8,10,12,16",
        };
        var cFps = Fps(10);
        var cSeconds = Positive("--seconds", 15, "Seconds of frames each camera sends per step");
        var cWarm = Positive("--warmup-frames", 30, "Each camera's first frames (model load, first batches) excluded from the latency");
        var cParallelism = Parallelism();
        var cProducer = CommandOptions.WithDefault("--producer",
            "What feeds the job's sockets: replay (the bench re-sends a synthetic camera server's frames, so the job's cores are " +
                "its own), replay-video (the same with the sample video's real frames) or camera-server (one CameraServer process " +
                "per camera, on the same cores)",
            "replay").AcceptOnlyFromAmong("replay", "replay-video", "camera-server");
        root.Subcommands.Add(Command("cameras", "N cameras into one job (--camera), for each N: frames delivered and dropped per camera, " +
            $"latency p50/p99, job RSS; the largest N with p99 <= {CamerasScenario.TargetP99Ms:0} ms and 0 drops " +
            $"(target >= {CamerasScenario.TargetCameras}), RSS at {CamerasScenario.RssCheckedAtCameras} " +
            $"(target <= {CamerasScenario.TargetRssMiB:0} MiB); " +
            "writes cameras.md, cameras.csv and cameras.png (cameras_video.* with --producer replay-video, cameras_camera_servers.* " +
            "with --producer camera-server). With replay-video, the same run also measures the bare loop on one worker and the peer " +
            "(the pipeline in Python with OpenCV's DNN module, where python3 has cv2) and writes job / bare and peer / bare as one table.",
            [cCounts, cFps, cSeconds, cWarm, cParallelism, cProducer],
            r => Print(
                CamerasScenario.Run(
                    ParseList(r.GetValue(cCounts)!, int.Parse),
                    r.GetValue(cFps),
                    r.GetValue(cSeconds),
                    r.GetValue(cWarm),
                    Job(r, cParallelism),
                    Producer(r.GetValue(cProducer)!),
                    OutDir(r),
                    r.GetValue(verbose)))));

        var kFps = Fps(10);
        var kWarm = Positive("--warmup-frames", 100, "Frames excluded at the start (start-up, JIT and its tier-up, codec set-up)");
        var kSeconds = Positive("--seconds", 30, "Seconds of frames measured per source and round");
        var kRounds = Positive("--rounds", 2, "Rounds, the sources alternated in each (the median is reported)");
        root.Subcommands.Add(Command("camera", "The camera server's own CPU per frame (utime + stime over a steady window) for the " +
            $"sample video file and the synthetic source, one consumer on loopback (target <= {CameraScenario.TargetFileCpuMs:0.#} ms for " +
            "the file at 10 FPS); writes camera_server.md.",
            [kFps, kWarm, kSeconds, kRounds],
            r => Print(CameraScenario.Run(r.GetValue(kFps), r.GetValue(kWarm), r.GetValue(kSeconds), r.GetValue(kRounds), OutDir(r)))));

        var fFrames = Frames(60);
        var fFps = Fps(10);
        var fSigma = CommandOptions.WithDefault(
            "--sigma",
            "Sensor noise of the still clips (Gaussian sigma, gray levels)",
            3.0).Require(s => s is >= 0 and <= 50, "--sigma must be between 0 and 50");
        var fSmoothing = CommandOptions.WithDefault(
            "--smoothing",
            "The job's --smoothing for the smoothed run and the lag",
            0.25f).Require(a => a is > 0 and < 1, "--smoothing must be more than 0 and less than 1");
        var fReuse = CommandOptions.WithDefault("--mask-reuse", "The job's --mask-reuse for the mask reuse run", 10).Between(1, 100);
        var fParallelism = Parallelism();
        root.Subcommands.Add(Command("flicker", "Still noisy clips (a street frame, a webcam portrait) through the real job with smoothing off, on and " +
            $"with mask reuse: flicker between output frames (target >= {FlickerScenario.TargetFlickerRatio}x less), inferences (target " +
            $">= {FlickerScenario.TargetReuseInferenceRatio}x fewer); the smoothed mask's lag and the reused masks' IoU with every frame " +
            $"segmented (target >= {FlickerScenario.TargetStillReuseIou} on the webcam clip); writes flicker.png.",
            [fFrames, fFps, fSigma, fSmoothing, fReuse, fParallelism],
            r => Print(
                FlickerScenario.Run(
                    r.GetValue(fFrames),
                    r.GetValue(fFps),
                    r.GetValue(fSigma),
                    r.GetValue(fSmoothing),
                    r.GetValue(fReuse),
                    r.GetValue(fParallelism),
                    OutDir(r),
                    r.GetValue(verbose)))));

        var scale = CommandOptions.WithDefault(
            "--scale",
            "Multiplies every frame count of 'all' (0.2 for a smoke run)",
            1.0).Require(s => s is > 0 and <= 10, "--scale must be in (0, 10]");
        var all = new Command(
            "all",
            "Every scenario with reduced counts; writes results.md, latency.csv, memory.csv, latency.png and " +
                "throughput_vs_parallelism.png.")
            {
                scale,
            };
        all.SetAction(
            r => Guarded(() => AllScenario.Run(r.GetValue(scale), JobTemplate(r), OutDir(r), CommandLineOf(args), r.GetValue(verbose))));
        root.Subcommands.Add(all);
        return root;
    }

    private static Command Command(string name, string description, Option[] options, Action<ParseResult> run)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
        command.SetAction(r => Guarded(() =>
        {
            run(r);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Guarded(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (BenchException e)
        {
            return ProgramCommandLine.RuntimeError(e.Message);
        }
        catch (FileNotFoundException e) when (e.FileName?.EndsWith(".dll", StringComparison.Ordinal) == true)
        {
            return ProgramCommandLine.RuntimeError(e.Message); // a program it runs is not built
        }
        finally
        {
            ChildProcess.KillAll();
        }
    }

    private static void Print(ScenarioReport report) => report.Print();

    private static Option<int> Frames(int defaultValue) => Positive(
        "--frames",
        defaultValue,
        "Frames to process (bounded: at most 1,000,000)");

    private static Option<int> Parallelism() => Positive("--parallelism", Cores, "Job partitions (--parallelism of SparkJob)");

    private static Option<double> Fps(double defaultValue) =>
        CommandOptions.WithDefault("--fps", "Camera frames per second (0 = unlimited, backpressure)", defaultValue)
            .Require(fps => fps is >= 0 and <= 1000, "--fps must be between 0 and 1000");

    private static Option<int> Positive(string name, int defaultValue, string description) =>
        CommandOptions.WithDefault(name, description, defaultValue).Between(1, 1_000_000);

    /// <summary>
    /// The options of a scenario that runs the whole pipeline once: --frames, the camera's --fps (absent where the
    /// scenario runs the camera at --fps 0) and the job's --parallelism.
    /// </summary>
    private sealed record PipelineRun(Option<int> Frames, Option<double>? Fps, Option<int> Parallelism)
    {
        public static PipelineRun Options(int frames, double? fps = null) =>
            new(BenchCommands.Frames(frames), fps is { } rate ? BenchCommands.Fps(rate) : null, BenchCommands.Parallelism());

        public Option[] All => Fps is null ? [Frames, Parallelism] : [Frames, Fps, Parallelism];

        public double FpsOf(ParseResult result) => result.GetValue(
            Fps ?? throw new InvalidOperationException("this scenario has no --fps"));
    }

    private static List<T> ParseList<T>(string text, Func<string, T> parse)
    {
        try
        {
            var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToList();
            return items.Count > 0 ? items : throw new UsageException($"empty list '{text}'");
        }
        catch (FormatException)
        {
            throw new UsageException($"'{text}' is not a comma-separated list of numbers");
        }
    }

    private static string CommandLineOf(string[] args) =>
        "dotnet run -c Release --project bench/SparkVideo.PipelineBench -- " + string.Join(' ', args);

    private static CameraProducer Producer(string value) => value switch
    {
        "replay" => CameraProducer.Replay,
        "replay-video" => CameraProducer.ReplayVideo,
        _ => CameraProducer.CameraServer,
    };
}
