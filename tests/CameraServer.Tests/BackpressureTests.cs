using System.Globalization;
using SparkVideo.Testing;

namespace SparkVideo.CameraServer.Tests;

/// <summary>Consumers slower than the source: frames are dropped (newest wins), memory stays bounded, nothing blocks for ever.</summary>
public sealed class BackpressureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private const int TinyReceiveBuffer = 4096;

    [Fact]
    public void A_slow_consumer_makes_the_server_drop_stale_frames_with_bounded_memory()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "30");
        long rssBefore;
        long rssAfter;
        using (var slow = server.Connect(TinyReceiveBuffer))
        {
            FrameAssert.ValidLine(slow.ReadLine(Timeout)!);
            rssBefore = ResidentKilobytes(server.Process.Id);
            for (var i = 0; i < 6; i++)
            {
                Thread.Sleep(500);
                FrameAssert.ValidLine(slow.ReadLine(Timeout)!);
            }
            rssAfter = ResidentKilobytes(server.Process.Id);
        }

        var (sent, dropped) = server.WaitForDisconnect(Timeout);
        // About 100 frames were captured in 3.5 s while the consumer took 7 and the socket buffers held a few.
        Assert.True(dropped >= 30, $"dropped {dropped}, sent {sent}");
        Assert.True(sent < 40, $"sent {sent}: frames were queued instead of dropped");
        Assert.True(rssAfter - rssBefore < 64 * 1024, $"server memory grew from {rssBefore} kB to {rssAfter} kB");

        using var next = server.Connect();
        Assert.All(next.ReadLines(3, Timeout), line => FrameAssert.ValidLine(line));
    }

    [Fact]
    public void A_consumer_that_stops_reading_is_dropped_after_the_send_timeout()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "30", "--send-timeout", "1");
        using var stalled = server.Connect(TinyReceiveBuffer);

        var line = server.Process.WaitForLine(l => l.StartsWith("Consumer disconnected", StringComparison.Ordinal), Timeout);

        Assert.Contains("stopped reading for 1 s", line, StringComparison.Ordinal);
        using var next = server.Connect();
        Assert.All(next.ReadLines(3, Timeout), frame => FrameAssert.ValidLine(frame));
    }

    private static long ResidentKilobytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }
}
