using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Testing;

namespace SparkVideo.CameraServer.Tests;

/// <summary>What a consumer receives: contract lines whose JPEGs decode to the requested size, in time order.</summary>
public sealed class StreamContentTests
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("file", 640, 480)]
    [InlineData("synthetic", 640, 480)]
    [InlineData("synthetic", 320, 240)]
    public void Every_line_is_a_valid_frame_whose_jpeg_decodes_to_the_output_size(string source, int width, int height)
    {
        var sourceArgument = source == "file" ? RepoPaths.PeopleWalkingVideo : "synthetic";
        using var server = CameraServerProcess.Start("--source", sourceArgument, "--fps", "0",
            "--width", width.ToString(), "--height", height.ToString());
        using var client = server.Connect();

        var lines = client.ReadLines(8, ReadTimeout);

        var frames = lines.Select(line => FrameAssert.ValidLine(line, width, height)).ToList();
        FrameAssert.StrictlyIncreasing(frames);
        Assert.True(Math.Abs(frames[0].Timestamp - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0) < 60,
            "timestamps are Unix seconds of the capture time");
        Assert.NotEqual(frames[0].FrameData, frames[^1].FrameData); // the picture moves
    }

    [Fact]
    public void Paced_stream_has_strictly_increasing_timestamps_spaced_one_over_fps()
    {
        const double fps = 20;
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "20");
        using var client = server.Connect();

        var frames = client.ReadLines(21, ReadTimeout).Select(line => FrameAssert.ValidLine(line)).ToList();

        FrameAssert.StrictlyIncreasing(frames);
        var meanSpacing = (frames[^1].Timestamp - frames[0].Timestamp) / (frames.Count - 1);
        Assert.InRange(meanSpacing, 0.7 / fps, 1.3 / fps);
        server.Process.WaitForLine(line => line == "Streaming at 20 FPS...", ReadTimeout);
        server.Process.WaitForLine(line => line.StartsWith("Sent 10 frames (dropped ", StringComparison.Ordinal), ReadTimeout);
    }

    [Fact]
    public void Banner_names_source_size_rate_and_address()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "10");

        var banner = server.Process.StdoutLines;
        Assert.Equal("CameraServer", banner[0]);
        Assert.Contains(banner, line => line.Contains("synthetic", StringComparison.Ordinal));
        Assert.Contains(banner, line => line.Contains("640x480 JPEG quality 80", StringComparison.Ordinal));
        Assert.Contains(banner, line => line.Contains("10 FPS", StringComparison.Ordinal));
        Assert.Contains(banner, line => line.Contains($"127.0.0.1:{server.Port}", StringComparison.Ordinal));
        server.Process.WaitForLine(line => line == ProgramLines.WaitingForConnection, ReadTimeout);
    }
}
