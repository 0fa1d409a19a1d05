using SparkVideo.ChildProcesses;
using SparkVideo.CommandLine;
using SparkVideo.Testing;
using SparkVideo.Testing.StreamServers;

namespace SparkVideo.CameraServer.Tests;

/// <summary>
/// A camera URL's user name and password never appear in the camera server's output: not in its banner or progress,
/// not in its errors, not in --help or a usage error, whether the URL comes from --source, --source-file or the
/// environment. Against GStreamer's RTSP server behind Basic authentication.
/// </summary>
public sealed class CameraCredentialsTests : IDisposable
{
    private const string User = "viewer";
    private const string Password = "s3cret-Pa55";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly LoopedSampleVideo _video = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("sparkvideo-credentials-").FullName;

    public static TheoryData<string> Routes => ["--source", "--source-file", SparkVideo.CameraServer.Sources.SourceSelection.EnvironmentVariable];

    [Theory]
    [MemberData(nameof(Routes))]
    public void Frames_arrive_with_the_right_credentials_and_no_output_shows_them(string route)
    {
        using var rtsp = new RtspTestServer(_video.Path, $"{User}:{Password}");
        var url = rtsp.UrlWith($"{User}:{Password}");
        using var server = StartCameraServer(route, url);
        using var client = LineClient.Connect(server.Port);

        FrameAssert.ValidLine(client.ReadLines(3, Timeout)[^1]);
        server.Process.WaitForLine(line => line == $"Camera connected: rtsp://***@127.0.0.1:{rtsp.Port}/stream", Timeout);

        rtsp.Kill(); // the lost line quotes the URL and ffmpeg's reason
        server.Process.WaitForLine(line => line.StartsWith("Camera lost: rtsp://***@", StringComparison.Ordinal), Timeout);
        server.Process.InterruptOrKill(Timeout);
        AssertNoCredentials(server.Process);
        if (route != "--source")
        {
            Assert.Contains(server.Process.StdoutLines, line => line.Contains($"(from {route})", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Wrong_credentials_are_one_clear_error_line_without_them()
    {
        using var rtsp = new RtspTestServer(_video.Path, $"{User}:{Password}");
        using var server = CameraServerProcess.Start("--source", rtsp.UrlWith($"{User}:wrong-{Password}"));

        Assert.Equal(ExitCodes.RuntimeError, server.Process.WaitForExit(Timeout));
        var error = Assert.Single(server.Process.StderrLines);
        Assert.Equal($"error: camera rtsp://***@127.0.0.1:{rtsp.Port}/stream refused the credentials: method DESCRIBE failed: 401 Unauthorized",
            error);
        AssertNoCredentials(server.Process);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--no-such-option")]
    [InlineData("--fps")]
    public void Help_and_usage_errors_never_echo_them(string extra)
    {
        var url = $"rtsp://{User}:{Password}@127.0.0.1:9/stream";
        using var asOption = ChildProcess.StartProgram("CameraServer", "--source", url, extra);
        using var asArgument = ChildProcess.StartProgram("CameraServer", url, extra);
        using var malformed = ChildProcess.StartProgram("CameraServer", "--source", $"rtsp://{User}:{Password}@/stream");

        asOption.WaitForExit(Timeout);
        var argumentExit = asArgument.WaitForExit(Timeout);
        Assert.Equal(ExitCodes.UsageError, malformed.WaitForExit(Timeout));
        if (extra != "--help")
        {
            Assert.Equal(ExitCodes.UsageError, argumentExit);
            Assert.Contains("rtsp://***@", string.Join('\n', asArgument.StderrLines), StringComparison.Ordinal);
        }
        foreach (var process in new[] { asOption, asArgument, malformed })
        {
            AssertNoCredentials(process);
        }
    }

    private CameraServerProcess StartCameraServer(string route, string url)
    {
        switch (route)
        {
            case "--source":
                return CameraServerProcess.Start("--source", url, "--preview-port", "0");
            case "--source-file":
                var file = Path.Combine(_directory, "camera.url");
                File.WriteAllText(file, url + "\n");
                return CameraServerProcess.Start("--source-file", file, "--preview-port", "0");
            default:
                return CameraServerProcess.Start([new(route, url)], "--preview-port", "0");
        }
    }

    private static void AssertNoCredentials(ChildProcess process)
    {
        var output = process.DescribeOutput(int.MaxValue);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain(User + ":", output, StringComparison.Ordinal);
        Assert.DoesNotContain(User + "@", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _video.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
