using SparkVideo.ChildProcesses;
using SparkVideo.Testing;

namespace SparkVideo.CameraServer.Tests;

/// <summary>
/// A looped video file is decoded and encoded once; its later passes are the first pass's JPEGs again. Whichever way a
/// pass is made, frame i of every pass carries the same bytes as frame i of the first.
/// </summary>
public sealed class LoopReplayTests
{
    private const int FramesInFile = 100; // samples/people_walking.mp4
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(null, true)] // the default cache holds the sample's pass (about 4 MiB)
    [InlineData("1", false)] // a pass over the cap is not kept: every pass decoded
    [InlineData("0", false)] // off
    public void Every_pass_of_a_looped_file_sends_the_first_pass_bytes(string? cacheMiB, bool replays)
    {
        string[] cache = cacheMiB is null ? [] : ["--replay-cache-mib", cacheMiB];
        using var server = CameraServerProcess.Start(
            ["--source", RepoPaths.PeopleWalkingVideo, "--loop", "--fps", "0", "--max-frames", "250", .. cache]);
        using var client = server.Connect();

        var frames = client.ReadLines(250, Timeout).Select(line => FrameAssert.ValidLine(line)).ToList();
        Assert.Equal(0, server.Process.WaitForExit(Timeout));

        FrameAssert.StrictlyIncreasing(frames);
        for (var i = FramesInFile; i < frames.Count; i++)
        {
            Assert.True(frames[i].FrameData == frames[i % FramesInFile].FrameData,
                $"frame {i} (pass {i / FramesInFile + 1}) differs from frame {i % FramesInFile} of the first pass");
        }
        Assert.NotEqual(frames[0].FrameData, frames[1].FrameData); // the picture moves: equal passes are not one frame
        var replayLine = server.Process.StdoutLines.FirstOrDefault(line => line.StartsWith(CameraServerHost.ReplayStartedPrefix, StringComparison.Ordinal));
        if (replays)
        {
            Assert.NotNull(replayLine);
            Assert.Contains($" {FramesInFile} frames,", replayLine, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(replayLine);
        }
    }
}
