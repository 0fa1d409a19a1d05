using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Testing;

namespace SparkVideo.CameraServer.Tests;

/// <summary>Consumers coming and going, the consumer limit, and the ways a stream ends.</summary>
public sealed class ConsumerLifecycleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public void After_a_consumer_disconnects_the_server_waits_and_streams_to_the_next_one()
    {
        using var server = CameraServerProcess.Start("--source", RepoPaths.PeopleWalkingVideo, "--fps", "20");
        FrameMessage lastOfFirst;
        using (var first = server.Connect())
        {
            lastOfFirst = first.ReadLines(3, Timeout).Select(line => FrameAssert.ValidLine(line)).Last();
        }

        var (sent, _) = server.WaitForDisconnect(Timeout);
        Assert.True(sent >= 3, $"sent {sent}");
        var disconnectedAt = server.Process.StdoutLines.ToList().FindIndex(line => line.StartsWith("Consumer disconnected", StringComparison.Ordinal));
        server.Process.WaitForLine(line => line == ProgramLines.WaitingForConnection, Timeout, disconnectedAt);

        using var second = server.Connect();
        var frames = second.ReadLines(3, Timeout).Select(line => FrameAssert.ValidLine(line)).ToList();
        Assert.True(frames[0].Timestamp > lastOfFirst.Timestamp);
        Assert.False(server.Process.HasExited);
    }

    [Fact]
    public void Consumers_that_reconnect_as_soon_as_the_previous_one_closed_are_each_served()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "20", "--max-consumers", "1");

        for (var consumer = 1; consumer <= 5; consumer++)
        {
            using var client = server.Connect();
            var frames = client.ReadLines(2, Timeout);
            Assert.All(frames, line => FrameAssert.ValidLine(line));
        }

        Assert.DoesNotContain(server.Process.StdoutLines, line => line.StartsWith("Refused consumer", StringComparison.Ordinal));
        Assert.False(server.Process.HasExited);
    }

    [Fact]
    public void Max_frames_sends_exactly_that_many_then_exits_zero()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "0", "--max-frames", "7");
        using var client = server.Connect();

        var lines = ReadUntilClosed(client);

        Assert.Equal(7, lines.Count);
        Assert.All(lines, line => FrameAssert.ValidLine(line));
        Assert.Equal(0, server.Process.WaitForExit(Timeout));
        Assert.Contains("Stopped.", server.Process.StdoutLines);
    }

    [Fact]
    public void A_video_file_without_loop_delivers_every_frame_then_exits_zero()
    {
        using var server = CameraServerProcess.Start("--source", RepoPaths.PeopleWalkingVideo, "--fps", "0");
        using var client = server.Connect();

        var lines = ReadUntilClosed(client);

        Assert.Equal(100, lines.Count);
        FrameAssert.StrictlyIncreasing([FrameAssert.ValidLine(lines[0]), FrameAssert.ValidLine(lines[50]), FrameAssert.ValidLine(lines[^1])]);
        Assert.Equal(0, server.Process.WaitForExit(Timeout));
        server.Process.WaitForLine(line => line.StartsWith("End of source after 100 frames", StringComparison.Ordinal), Timeout);
    }

    [Fact]
    public void A_looped_video_file_keeps_streaming_past_its_end()
    {
        using var server = CameraServerProcess.Start("--source", RepoPaths.PeopleWalkingVideo, "--loop", "--fps", "0", "--max-frames", "130");
        using var client = server.Connect();

        var lines = ReadUntilClosed(client);

        Assert.Equal(130, lines.Count);
        FrameAssert.ValidLine(lines[^1]);
        Assert.Equal(0, server.Process.WaitForExit(Timeout));
    }

    [Fact]
    public void A_second_concurrent_consumer_is_refused_when_max_consumers_is_one()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "20", "--max-consumers", "1");
        using var first = server.Connect();
        first.ReadLines(1, Timeout);

        using var second = server.Connect();

        Assert.Null(second.ReadLine(Timeout));
        server.Process.WaitForLine(line => line.StartsWith("Refused consumer", StringComparison.Ordinal), Timeout);
        Assert.All(first.ReadLines(3, Timeout), line => FrameAssert.ValidLine(line));
    }

    private static List<string> ReadUntilClosed(LineClient client)
    {
        var lines = new List<string>();
        while (client.ReadLine(Timeout) is { } line)
        {
            lines.Add(line);
            Assert.True(lines.Count <= 10_000, "the stream does not end");
        }
        return lines;
    }
}
