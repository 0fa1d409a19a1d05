using System.Globalization;
using System.Text.Json;
using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Processing;
using SparkWorker.Tests.Support;
using WorkerStandIn.Serialization;

namespace SparkWorker.Tests;

/// <summary>
/// The job's UDFs in a separate host shaped like the Microsoft.Spark worker: its own deps.json, no build-time
/// reference to the job, SparkVideo.Vision or OpenCvSharp, the job's assemblies found through
/// DOTNET_ASSEMBLY_SEARCH_PATHS, a working directory (the "executor's") where nothing was prepared.
/// </summary>
public sealed class WorkerHostTests : IDisposable
{
    private static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(60);

    private readonly string _root = Directory.CreateTempSubdirectory("sparkvideo-worker-").FullName;

    [Theory]
    [InlineData(AppLayout.RuntimesFolder)]
    [InlineData(AppLayout.Flat)]
    public void The_worker_host_removes_the_background_of_a_real_frame_into_an_output_directory_it_creates(AppLayout layout)
    {
        var app = ShipApp(layout);
        var executor = Directory.CreateDirectory(Path.Combine(_root, "executor")).FullName;
        var output = Path.Combine(executor, "output_frames");
        var udf = FrameUdfs.RemoveBackground(JobUdfs.Settings(output));

        var result = RunInWorkerHost(app, executor, udf, RealFrame.Base64, RealFrame.Timestamp, RealFrame.Width, RealFrame.Height);

        var written = Path.Combine(output, Path.GetFileName(result));
        Assert.True(File.Exists(written), $"the UDF returned '{result}' but wrote no {written}");
        Assert.True(JpegHeader.TryReadSize(File.ReadAllBytes(written), out var width, out var height, out var error), error);
        Assert.Equal((RealFrame.Width, RealFrame.Height), (width, height));
    }

    /// <summary>
    /// The image mode on an executor with no shared storage: the picture was read on the "driver" and is gone before
    /// the worker runs, so the frame's background can only come from the bytes inside the UDF's settings.
    /// </summary>
    [Fact]
    public void The_worker_host_puts_the_image_behind_the_person_from_the_settings_alone()
    {
        var app = ShipApp(AppLayout.Flat);
        var driver = Directory.CreateDirectory(Path.Combine(_root, "driver")).FullName;
        var picture = Path.Combine(driver, "backdrop.png");
        File.WriteAllBytes(picture, SolidPng(width: 320, height: 200, blue: 30, green: 200, red: 10));
        var executor = Directory.CreateDirectory(Path.Combine(_root, "executor")).FullName;
        var output = Path.Combine(executor, "output_frames");
        var udf = FrameUdfs.RemoveBackground(JobUdfs.Settings(output, $"image:{picture}"));
        Directory.Delete(driver, recursive: true);

        var result = RunInWorkerHost(app, executor, udf, RealFrame.Base64, RealFrame.Timestamp, RealFrame.Width, RealFrame.Height);

        var written = File.ReadAllBytes(Path.Combine(output, Path.GetFileName(result)));
        Assert.True(JpegHeader.TryReadSize(written, out var width, out var height, out var error), error);
        Assert.Equal((RealFrame.Width, RealFrame.Height), (width, height));
        // The street's top left corner is background: it carries the picture's colour, not the street's nor the gray.
        using var frame = Cv2.ImDecode(written, ImreadModes.Color);
        var corner = frame.At<Vec3b>(4, 4);
        Assert.True(Math.Abs(corner.Item0 - 30) <= 6 && Math.Abs(corner.Item1 - 200) <= 6 && Math.Abs(corner.Item2 - 10) <= 6,
            $"the corner is {corner.Item0},{corner.Item1},{corner.Item2} (BGR), not the picture's 30,200,10");
    }

    [Fact]
    public void The_worker_host_writes_a_cameras_frame_into_the_cameras_folder() =>
        AssertCameraFrameWritten(output => JobUdfs.Settings(output));

    [Fact]
    public void The_worker_host_runs_a_camera_with_smoothing_and_mask_reuse() =>
        AssertCameraFrameWritten(JobUdfs.SettingsWithCameraState);

    private void AssertCameraFrameWritten(Func<string, ProcessingSettings> settingsFor)
    {
        var app = ShipApp(AppLayout.Flat);
        var executor = Directory.CreateDirectory(Path.Combine(_root, "executor")).FullName;
        var output = Path.Combine(executor, "output_frames");
        var udf = FrameUdfs.RemoveBackgroundForCamera(settingsFor(output));

        var result = RunInWorkerHost(app, executor, udf, "gate-2", RealFrame.Base64, RealFrame.Timestamp, RealFrame.Width, RealFrame.Height);

        Assert.True(File.Exists(Path.Combine(output, "gate-2", Path.GetFileName(result))), $"the UDF returned '{result}'");
    }

    [Fact]
    public void The_worker_host_records_a_line_that_is_not_a_frame_in_the_reject_log_of_a_fresh_directory()
    {
        var app = ShipApp(AppLayout.Flat);
        var executor = Directory.CreateDirectory(Path.Combine(_root, "executor")).FullName;
        var settings = JobUdfs.Settings(Path.Combine(executor, "output_frames"));

        var result = RunInWorkerHost(app, executor, FrameUdfs.KeepIfFrame(settings), null, "not a frame", "not a frame");

        Assert.Equal(bool.FalseString, result);
        Assert.Contains("not a frame", File.ReadAllText(settings.RejectsLogPath));
    }

    /// <summary>The job's assemblies as they reach an executor: a folder of their own, nothing else of ours in it.</summary>
    private string ShipApp(AppLayout layout)
    {
        var app = Path.Combine(_root, "app");
        AppLayouts.Copy(BuildOutput.Of("src/SparkJob"), app, layout);
        return app;
    }

    /// <summary>Driver: describes the delegate and writes its payload. Worker host: rebuilds it and calls it once.</summary>
    private string RunInWorkerHost(string app, string workingDirectory, Delegate udf, params object?[] arguments)
    {
        var payload = Path.Combine(_root, "udf.msgpack");
        File.WriteAllBytes(payload, UdfPayload.Write(UdfDescriber.Describe(udf)));
        var argumentsFile = Path.Combine(_root, "arguments.json");
        File.WriteAllText(argumentsFile, JsonSerializer.Serialize(arguments));

        using var host = ChildProcess.StartDotnet(
            Path.Combine(BuildOutput.Of("harness/WorkerStandIn"), "WorkerStandIn.dll"),
            [payload, argumentsFile],
            new ChildProcessOptions
            {
                WorkingDirectory = workingDirectory,
                Environment = [new("DOTNET_ASSEMBLY_SEARCH_PATHS", app)],
            });
        var exitCode = host.WaitForExit(HostTimeout);

        Assert.True(exitCode == 0, $"the worker host failed (exit {exitCode.ToString(CultureInfo.InvariantCulture)}):\n{host.DescribeOutput()}");
        var line = Assert.Single(host.StdoutLines, l => l.StartsWith("result: ", StringComparison.Ordinal));
        return line["result: ".Length..];
    }

    private static byte[] SolidPng(int width, int height, byte blue, byte green, byte red)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(blue, green, red));
        Cv2.ImEncode(".png", image, out var png);
        return png;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
