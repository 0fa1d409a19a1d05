using System.Globalization;
using SparkVideo.ChildProcesses;
using SparkVideo.Testing;

namespace SparkVideo.Readme.Tests;

/// <summary>
/// Every bash command of the README, run exactly as written from the repository root in bash. Commands that run
/// until Ctrl+C get it (SIGINT to their process group, as a terminal sends it) once they have shown they work.
/// They use the README's fixed ports (9999, 9998, 4050), so they run one after the other in this one class. What
/// they write into the repository root is deleted after each test, and what was there before is put back
/// (<see cref="RepositoryOutputs"/>).
/// </summary>
public sealed class ReadmeCommandTests : IDisposable
{
    private readonly RepositoryOutputs _rootOutputs = new("output_frames", "checkpoint", "output_frames.mp4", "astronaut_gray.jpg");

    private static readonly TimeSpan Start = TimeSpan.FromMinutes(3); // includes the build dotnet run does first
    private static readonly TimeSpan Stop = TimeSpan.FromSeconds(60);

    private const string CameraServer = "dotnet run --project src/CameraServer -- --source samples/people_walking.mp4 --loop";
    private const string PeekAtTheStream = "nc localhost 9999 | head -c 300";
    private const string JobOnOneCamera = "dotnet run --project src/SparkJob -- --port 9999";
    private const string JobOnTwoCameras = "dotnet run --project src/SparkJob -- --camera door=localhost:9999 --camera yard=localhost:9998";
    private const string DemoBuild = "dotnet build src/Demo";
    private const string Demo = "dotnet run --project src/Demo";
    private const string DemoWithThreeCameras = "dotnet run --project src/Demo -- --cameras 3";
    private const string JobHelp = "dotnet run --project src/SparkJob -- --help";
    private const string BenchHelp = "dotnet run -c Release --project bench/SparkVideo.PipelineBench -- --help";
    private const string RemoveBackground = "dotnet run --project tools/RemoveBackground -- --input samples/photos/astronaut.jpg --output astronaut_gray.jpg --side-by-side";
    private const string OneTestArea = "dotnet test tests/SparkVideo.Engine.Tests";
    private const string DemoWithBlur = "dotnet run --project src/Demo -- --background blur --edges guided --max-frames 20";
    private const string FramesToVideo = "dotnet run --project tools/FramesToVideo -- --input output_frames";

    /// <summary>README commands no test runs, and why.</summary>
    private static readonly Dictionary<string, string> NotRunByTests = new(StringComparer.Ordinal)
    {
        ["dotnet tool restore && dotnet test SparkVideo.sln"] = "the test command itself: .ci/run runs it",
        ["dotnet build SparkVideo.sln"] = "the test command builds the same solution; building it again while its tests run would rewrite the assemblies under test",
        ["dotnet run -c Release --project tools/Soak -- --frames 10000 --bad-percent 1"] = "minutes long and judges memory flatness, which a loaded test machine cannot; the soak smoke test runs the same program on 400 frames",
        ["dotnet run -c Release --project tools/Soak -- --cameras 8 --minutes 60 --retain-gib 0.2 --retain-minutes 30 --report-dir docs/perf"] = "an hour long; the camera soak smoke test runs the same program for 24 s with two cameras",
        ["dotnet run -c Release --project bench/SparkVideo.Benchmarks -- --filter '*'"] = "BenchmarkDotNet's full run takes many minutes",
        ["dotnet run -c Release --project bench/SparkVideo.PipelineBench -- all"] = "4-15 minutes on 2 cores",
        ["dotnet run --project src/CameraServer -- --source rtsp://camera.local/stream"] =
            "names a camera host no test machine has; CameraServer.Tests' NetworkCameraTests runs the same server against a real RTSP server on loopback",
        ["dotnet run -c Release --project bench/SparkVideo.PipelineBench -- quality"] = "rewrites the committed docs/perf/quality.*; QualityFloorTests scores the same composites on every run",
        ["dotnet run -c Release --project bench/SparkVideo.PipelineBench -- quality-video"] = "3 minutes; rewrites the committed docs/perf/quality_video.*; WalkingQualityFloorTests runs two of its clips on every run",
    };

    private static readonly string[] RunByTests =
        [DemoBuild, CameraServer, PeekAtTheStream, JobOnOneCamera, JobOnTwoCameras, Demo, DemoWithThreeCameras, JobHelp, BenchHelp, RemoveBackground, OneTestArea, DemoWithBlur, FramesToVideo];

    [Fact]
    public void Every_README_command_is_run_by_a_test_or_says_why_not()
    {
        // spark-submit.ps1's commands run in SparkSubmit.Tests, against a stand-in Spark.
        var unknown = ReadmeCommands.Bash
            .Where(c => !RunByTests.Contains(c) && !NotRunByTests.ContainsKey(c) && !c.Contains("spark-submit.ps1", StringComparison.Ordinal))
            .ToList();

        Assert.True(unknown.Count == 0, "README commands no test runs: " + string.Join(" ; ", unknown));
        Assert.All(RunByTests, c => Assert.Contains(c, ReadmeCommands.Bash));
    }

    [Fact]
    public void The_camera_server_streams_frames_that_nc_shows_and_the_job_processes()
    {
        using var camera = StartUntilInterrupted(CameraServer, "Waiting for connection");

        var peek = RunToEnd(PeekAtTheStream);
        Assert.StartsWith("{\"timestamp\":", peek.Output);

        using (var job = StartUntilInterrupted(JobOnOneCamera, "Batch: "))
        {
            job.WaitForLine(line => line.StartsWith("|1.", StringComparison.Ordinal) && line.Contains("output_frames/frame_", StringComparison.Ordinal), Start);
            Interrupt(job, "Stopped.");
        }
        Interrupt(camera, "Stopped");
    }

    [Fact]
    public void The_job_reads_two_named_cameras()
    {
        using var door = StartCamera(9999);
        using var yard = StartCamera(9998);

        using var job = StartUntilInterrupted(JobOnTwoCameras, "Batch: ");
        job.WaitForLine(line => line.StartsWith("|door", StringComparison.Ordinal) && line.Contains("output_frames/door/frame_", StringComparison.Ordinal), Start);
        job.WaitForLine(line => line.StartsWith("|yard", StringComparison.Ordinal) && line.Contains("output_frames/yard/frame_", StringComparison.Ordinal), Start);
        Interrupt(job, "Stopped.");
    }

    [Theory]
    [InlineData(Demo)]
    [InlineData(DemoWithThreeCameras)]
    public void The_demo_runs_until_Ctrl_c(string command)
    {
        using var demo = StartUntilInterrupted(command, "[job] Batch: ");

        Assert.StartsWith("[demo] Live view: http://127.0.0.1:", demo.StdoutLines[0], StringComparison.Ordinal);
        Interrupt(demo, "[demo] Done: ");
    }

    [Theory]
    [InlineData(DemoBuild, "SparkVideoDemo.dll")]
    [InlineData(JobHelp, "--camera")]
    [InlineData(BenchHelp, "cameras")]
    [InlineData(OneTestArea, "Passed!")]
    public void The_command_succeeds(string command, string expectedOutput)
    {
        // A first build of the Release bench and its libraries on a loaded 2-core machine can pass 3 minutes.
        var result = RunToEnd(command, Start * 2);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}");
        Assert.Contains(expectedOutput, result.Output);
    }

    [Fact]
    public void Remove_background_writes_the_side_by_side_image()
    {
        var result = RunToEnd(RemoveBackground);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}");
        var bytes = File.ReadAllBytes(RepoPaths.InRepo("astronaut_gray.jpg"));
        Assert.True(bytes.Length > 1000 && bytes[0] == 0xFF && bytes[1] == 0xD8, "astronaut_gray.jpg is not a JPEG");
    }

    [Fact]
    public void The_demo_with_a_blurred_background_stops_by_itself_and_its_frames_become_a_video()
    {
        // Two programs built by dotnet run and a model loaded before 20 frames: longer than one command's start. Run
        // twice: the second run starts clean, and the video holds its 20 frames only.
        for (var run = 0; run < 2; run++)
        {
            var demo = RunToEnd(DemoWithBlur, Start * 2);
            Assert.True(demo.ExitCode == 0, $"exit {demo.ExitCode}\n{demo.Output}");
            Assert.Contains("[demo] Done: 20 frames in output_frames (", demo.Output);
            Assert.Equal(run == 1, demo.Output.Contains("[demo] Starting clean: deleted the earlier run's 20 frames", StringComparison.Ordinal));
        }

        var result = RunToEnd(FramesToVideo);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}");
        Assert.Matches(@"output_frames: 20 frames, 640x480 at [\d.]+ FPS", result.Output);
        Assert.True(new FileInfo(RepoPaths.InRepo("output_frames.mp4")).Length > 1000, "output_frames.mp4 is missing or empty");
    }

    public void Dispose() => _rootOutputs.Dispose();

    private sealed record Finished(int ExitCode, string Output);

    /// <summary>The README's commands are written for the repository root.</summary>
    private static readonly ChildProcessOptions InRoot = new() { WorkingDirectory = RepoPaths.Root };

    private static Finished RunToEnd(string command) => RunToEnd(command, Start);

    private static Finished RunToEnd(string command, TimeSpan timeout)
    {
        using var process = ChildProcess.StartCommandLine(command, InRoot);
        var exitCode = process.WaitForExit(timeout);
        return new Finished(exitCode, string.Join('\n', process.StdoutLines.Concat(process.StderrLines)));
    }

    private static ChildProcess StartUntilInterrupted(string command, string readyLine)
    {
        var process = ChildProcess.StartCommandLine(command, InRoot);
        try
        {
            process.WaitForLine(line => line.Contains(readyLine, StringComparison.Ordinal), Start);
            return process;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Ctrl+C: the command stops cleanly, saying so, with exit code 0 (or bash's 130 for an interrupted line).</summary>
    private static void Interrupt(ChildProcess process, string stoppedLine)
    {
        var from = process.StdoutLineCount;
        process.SendInterruptToGroup();
        var exitCode = process.WaitForExit(Stop);

        Assert.True(exitCode is 0 or 130, $"exit {exitCode}\n{process.DescribeOutput()}");
        Assert.Contains(process.StdoutLines.Skip(from), line => line.Contains(stoppedLine, StringComparison.Ordinal));
    }

    private static ChildProcess StartCamera(int port)
    {
        var camera = SparkVideoProgram.CameraServer.Start(
            ["--source", "synthetic", "--port", port.ToString(CultureInfo.InvariantCulture), "--fps", "10"]);
        camera.WaitForLine(line => line.Contains("Waiting for connection", StringComparison.Ordinal), Start);
        return camera;
    }
}
