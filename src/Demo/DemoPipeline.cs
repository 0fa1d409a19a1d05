using System.Globalization;
using System.Runtime.InteropServices;
using SparkVideo.ChildProcesses;
using SparkVideo.CommandLine;
using SparkVideo.Demo.Display;
using SparkVideo.Demo.Runs;
using SparkVideo.Frames;
using SparkVideo.Frames.Output;
using SparkVideo.Vision;

namespace SparkVideo.Demo;

/// <summary>Runs CameraServer and SparkJob together and stops both cleanly on Ctrl+C or after --max-frames.</summary>
internal static class DemoPipeline
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    /// <summary>Output lines kept per program for error messages; the rest is only forwarded, so memory stays flat.</summary>
    private const int LinesKept = 20;

    /// <summary>The sample video, found from the working directory or the repository the demo was built in.</summary>
    public static string DefaultSource()
    {
        const string sample = "samples/people_walking.mp4";
        if (File.Exists(sample))
        {
            return sample;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, sample);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return sample;
    }

    public static int Run(DemoOptions options)
    {
        if (options.Sources.Count > options.Cameras)
        {
            return ProgramCommandLine.UsageError($"--source is given {options.Sources.Count} times for {options.Cameras} camera(s) (--cameras)");
        }
        // Checked here too, so a missing library is one line from the demo rather than one from each child.
        if (NativeRuntimes.Check() is { } missing)
        {
            return ProgramCommandLine.RuntimeError(missing);
        }
        var cwd = Directory.GetCurrentDirectory();
        var inv = CultureInfo.InvariantCulture;
        var uiPort = options.UiPort == 0 ? 0 : FreePort.FirstFrom(options.UiPort, 16);
        string? liveView = null;
        if (uiPort > 0)
        {
            liveView = $"http://127.0.0.1:{uiPort.ToString(inv)}/";
            Console.WriteLine($"[demo] Live view: {liveView} (input and output side by side, with the query's health)");
        }
        var run = options.Run ?? new DemoRunOptions();
        var framesBefore = RunStart.Prepare(options, run, Path.GetFullPath(options.OutputDir, cwd), Path.GetFullPath(RunStart.CheckpointFor(options), cwd));
        // With --cameras N: N camera servers on --port, --port+1, ...; camera i on the i-th --source, or synthetic.
        var cameras = new List<ChildProcess>();
        string? previewUrl = null;
        try
        {
            for (var i = 0; i < options.Cameras; i++)
            {
                var camera = StartCamera(options, i, cwd, withPreview: uiPort > 0 && i == 0, url => previewUrl = url);
                if (camera is null)
                {
                    return ExitCodes.RuntimeError;
                }
                cameras.Add(camera);
            }
            return RunJob(options, run, new JobConsole(run.ShowBatches, liveView), uiPort, previewUrl, cameras, cwd, framesBefore);
        }
        finally
        {
            cameras.ForEach(c => c.Dispose());
        }
    }

    private static string CameraName(int index) => $"cam{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts camera server <paramref name="index"/> and waits until it listens; null (after saying why) when it does not.</summary>
    private static ChildProcess? StartCamera(DemoOptions options, int index, string cwd, bool withPreview, Action<string> onPreview)
    {
        var inv = CultureInfo.InvariantCulture;
        var source = options.Sources.ElementAtOrDefault(index) ?? "synthetic";
        var port = options.Port + index;
        var cameraArgs = new List<string> { "--source", source, "--port", port.ToString(inv), "--fps", options.Fps.ToString(inv) };
        if (withPreview)
        {
            cameraArgs.AddRange(["--preview-port", "0"]); // the camera picks a free port and prints its address
        }
        var isFile = !int.TryParse(source, out _) && source != "synthetic" && !source.Contains("://", StringComparison.Ordinal);
        if (isFile)
        {
            // Also with --max-frames: a file shorter than the frames asked for plays again until the camera has sent them
            // (it stops itself at --max-frames); without the loop the demo waited for frames that never came.
            cameraArgs.Add("--loop");
        }
        if (options.MaxFrames is { } max)
        {
            cameraArgs.AddRange(["--max-frames", max.ToString(inv)]);
        }

        var name = options.Cameras == 1 ? "camera" : CameraName(index);
        Console.WriteLine($"[demo] Starting the camera server on {UrlCredentials.Redact(source)} at {options.Fps} FPS, port {port}...");
        using var listening = new ManualResetEventSlim();
        var camera = StartCameraServer(name, cameraArgs, cwd, line =>
        {
            if (ProgramLines.PreviewUrlOf(line) is { } previewUrl)
            {
                onPreview(previewUrl.Trim());
            }
            if (line == ProgramLines.WaitingForConnection)
            {
                listening.Set();
            }
        });
        if (!WaitFor(listening, camera, TimeSpan.FromSeconds(30)))
        {
            ProgramCommandLine.RuntimeError($"the camera server did not start (exit code {camera.ExitCode ?? -1})");
            camera.Dispose();
            return null;
        }
        return camera;
    }

    private static int RunJob(
        DemoOptions options, DemoRunOptions run, JobConsole console, int uiPort, string? previewUrl, List<ChildProcess> cameras, string cwd, int framesBefore)
    {
        Console.WriteLine("[demo] Starting the streaming job on the embedded engine (it loads the model first)...");
        if (run.ShowBatches > 1)
        {
            Console.WriteLine($"[demo] Showing every {Ordinal(run.ShowBatches)} batch of the job, its [stats] line every 5 s and the camera's progress every {CameraProgressFilter.ShownEvery} frames (--show-batches 1 shows every batch).");
        }
        var manyCameras = options.Cameras > 1;
        var jobArgs = new JobArguments
        {
            Port = manyCameras ? null : options.Port,
            Cameras = manyCameras ? [.. Enumerable.Range(0, options.Cameras).Select(i => new JobCamera(CameraName(i), "localhost", options.Port + i))] : [],
            OutputDir = options.OutputDir,
            CheckpointDir = RunStart.CheckpointFor(options),
            Model = options.Model,
            UiPort = uiPort,
            Background = options.Background,
            Edges = options.Edges,
            Segmentation = options.Segmentation,
            CameraPreviewUrl = previewUrl,
            RetainGiB = RunStart.RetainGiB(run),
        };
        using var job = RunningJob.Start(jobArgs, new ChildProcessOptions
        {
            WorkingDirectory = cwd,
            OnStdoutLine = console.WriteLine,
            OnStderrLine = line => Console.Error.WriteLine("[job] " + line),
            MaxLinesKept = LinesKept,
        });

        using var stop = new ManualResetEventSlim();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });

        var processedTarget = options.MaxFrames * options.Cameras;
        var outputDir = Path.GetFullPath(options.OutputDir, cwd);
        bool Finished()
        {
            if (job.Process.HasExited)
            {
                Console.Error.WriteLine($"[demo] The job exited with code {job.Process.ExitCode}.");
                return true;
            }
            if (processedTarget is { } target && CountFrames(outputDir) - framesBefore >= target)
            {
                Console.WriteLine($"[demo] {RunStart.Counted(target, "frame")} processed.");
                return true;
            }
            if (cameras.Find(c => c.HasExited) is { } exited && processedTarget is null)
            {
                Console.Error.WriteLine($"[demo] A camera server exited with code {exited.ExitCode}.");
                return true;
            }
            return false;
        }
        job.WatchUntil(Finished, TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan, stop.WaitHandle);

        Console.WriteLine("[demo] Stopping...");
        var jobExit = Stop(job.Process, "job");
        var cameraExits = cameras.Select((c, i) => Stop(c, options.Cameras == 1 ? "camera" : CameraName(i))).ToList();
        var cameraExit = cameraExits.Contains(null) ? null : cameraExits.Max();
        var total = CountFrames(outputDir);
        var earlier = framesBefore > 0 ? $", {RunStart.Counted(total, "frame")} with the earlier run's" : "";
        Console.WriteLine($"[demo] Done: {RunStart.Counted(total - framesBefore, "frame")} in {options.OutputDir}{earlier} (job exit {Describe(jobExit)}, camera exit {Describe(cameraExit)}).");
        return jobExit == 0 ? ExitCodes.Success : ExitCodes.RuntimeError;
    }

    /// <summary>Starts a camera server, built next to the demo, with its output shown as <c>[name] line</c> (progress every 100th frame).</summary>
    private static ChildProcess StartCameraServer(string name, IEnumerable<string> arguments, string workingDirectory, Action<string>? onLine = null) =>
        SparkVideoProgram.CameraServer.Start(arguments, new ChildProcessOptions
        {
            WorkingDirectory = workingDirectory,
            OnStdoutLine = line =>
            {
                if (CameraProgressFilter.Shows(line))
                {
                    Console.WriteLine($"[{name}] {line}");
                }
                onLine?.Invoke(line);
            },
            OnStderrLine = line =>
            {
                Console.Error.WriteLine($"[{name}] {line}");
                onLine?.Invoke(line);
            },
            MaxLinesKept = LinesKept,
        });

    /// <summary>Asks the program to stop as Ctrl+C would, and kills it if it has not stopped in time; null when killed.</summary>
    private static int? Stop(ChildProcess program, string name)
    {
        var exitCode = program.InterruptOrKill(StopGrace);
        if (exitCode is null)
        {
            Console.Error.WriteLine($"[demo] {name} did not stop on SIGINT within {StopGrace.TotalSeconds:F0} s; killed it.");
        }
        return exitCode;
    }

    /// <summary>"50th", "2nd", "11th".</summary>
    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static string Describe(int? exitCode) => exitCode?.ToString(CultureInfo.InvariantCulture) ?? "killed";

    private static bool WaitFor(ManualResetEventSlim signal, ChildProcess program, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (signal.Wait(TimeSpan.FromMilliseconds(100)))
            {
                return true;
            }
            if (program.HasExited)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Frames in the output directory and in its camera folders.</summary>
    private static int CountFrames(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, OutputLayout.FrameFilePattern, new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1 })
                .Count(path => OutputLayout.TryParseFrameFileName(Path.GetFileName(path), out _))
            : 0;
}
