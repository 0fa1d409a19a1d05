using System.Globalization;
using System.Runtime.InteropServices;
using SparkVideo.CommandLine;
using SparkVideo.Processes;
using SparkVideo.Vision;

namespace SparkVideo.Demo;

/// <summary>Runs CameraServer and SparkJob together and stops both cleanly on Ctrl+C or after --max-frames.</summary>
public static class DemoPipeline
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);
    private const string PreviewPrefix = "Preview: ";

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
        // Checked here too, so a missing library is one line from the demo rather than one from each child.
        if (NativeRuntimes.Check() is { } missing)
        {
            Console.Error.WriteLine($"error: {missing}");
            return 1;
        }
        var cwd = Directory.GetCurrentDirectory();
        var inv = CultureInfo.InvariantCulture;
        var uiPort = options.UiPort == 0 ? 0 : FreePort.FirstFrom(options.UiPort, 16);
        if (uiPort > 0)
        {
            Console.WriteLine($"[demo] Live view: http://127.0.0.1:{uiPort.ToString(inv)}/ (input and output side by side, with the query's health)");
        }
        var cameraArgs = new List<string> { "--source", options.Source, "--port", options.Port.ToString(inv), "--fps", options.Fps.ToString(inv) };
        if (uiPort > 0)
        {
            cameraArgs.AddRange(["--preview-port", "0"]); // the camera picks a free port and prints its address
        }
        if (!int.TryParse(options.Source, out _) && options.Source != "synthetic" && options.MaxFrames is null)
        {
            cameraArgs.Add("--loop");
        }
        if (options.MaxFrames is { } max)
        {
            cameraArgs.AddRange(["--max-frames", max.ToString(inv)]);
        }

        Console.WriteLine($"[demo] Starting the camera server on {options.Source} at {options.Fps} FPS, port {options.Port}...");
        using var listening = new ManualResetEventSlim();
        string? previewUrl = null;
        using var camera = StartProgram("camera", "CameraServer", cameraArgs, cwd, line =>
        {
            if (line.StartsWith(PreviewPrefix, StringComparison.Ordinal))
            {
                previewUrl = line[PreviewPrefix.Length..].Trim();
            }
            if (line.Contains("Waiting for connection", StringComparison.Ordinal))
            {
                listening.Set();
            }
        });
        if (!WaitFor(listening, camera, TimeSpan.FromSeconds(30)))
        {
            return ProgramCommandLine.RuntimeError($"the camera server did not start (exit code {camera.ExitCode ?? -1})");
        }

        Console.WriteLine("[demo] Starting the streaming job on the embedded engine...");
        var jobArgs = new List<string>
        {
            "--port", options.Port.ToString(inv), "--output-dir", options.OutputDir,
            "--checkpoint-dir", options.CheckpointDir, "--model", options.Model, "--ui-port", uiPort.ToString(inv),
        };
        if (previewUrl is not null)
        {
            jobArgs.AddRange(["--camera-preview-url", previewUrl]);
        }
        using var job = StartProgram("job", "SparkJob", jobArgs, cwd);

        using var stop = new ManualResetEventSlim();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });

        var processedTarget = options.MaxFrames;
        var outputDir = Path.GetFullPath(options.OutputDir, cwd);
        while (!stop.Wait(TimeSpan.FromMilliseconds(250)))
        {
            if (job.HasExited)
            {
                Console.Error.WriteLine($"[demo] The job exited with code {job.ExitCode}.");
                break;
            }
            if (processedTarget is { } target && CountFrames(outputDir) >= target)
            {
                Console.WriteLine($"[demo] {target} frames processed.");
                break;
            }
            if (camera.HasExited && processedTarget is null)
            {
                Console.Error.WriteLine($"[demo] The camera server exited with code {camera.ExitCode}.");
                break;
            }
        }

        Console.WriteLine("[demo] Stopping...");
        var jobExit = Stop(job, "job");
        var cameraExit = Stop(camera, "camera");
        Console.WriteLine($"[demo] Done: {CountFrames(outputDir)} frames in {options.OutputDir} (job exit {Describe(jobExit)}, camera exit {Describe(cameraExit)}).");
        return jobExit == 0 ? ExitCodes.Success : ExitCodes.RuntimeError;
    }

    /// <summary>Starts <c>dotnet &lt;program&gt;.dll</c>, built next to the demo, with its output shown as <c>[name] line</c>.</summary>
    private static ChildProcess StartProgram(string name, string program, IEnumerable<string> arguments, string workingDirectory, Action<string>? onLine = null) =>
        ChildProcess.StartDotnet(RepoPaths.InOutputFolder(program + ".dll"), arguments, new ChildProcessOptions
        {
            WorkingDirectory = workingDirectory,
            ForwardAs = name,
            OnStdoutLine = onLine,
            OnStderrLine = onLine,
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

    private static int CountFrames(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "frame_*.jpg").Count() : 0;
}
