using System.Globalization;
using SparkVideo.Processes;

namespace SparkVideo.Job.Tests;

/// <summary>The README's demo command, run as the real program with a frame limit so it stops by itself.</summary>
public sealed class DemoTests
{
    [Fact]
    public void TheDemoRunsBothProgramsAndStopsCleanlyAfterMaxFrames()
    {
        const int frames = 12;
        var uiPort = FreePort.Get().ToString(CultureInfo.InvariantCulture);
        var workingDirectory = Directory.CreateTempSubdirectory("sparkvideo-demo-").FullName;
        try
        {
            using var demo = ChildProcess.StartDotnet(
                RepoPaths.InOutputFolder("SparkVideoDemo.dll"),
                ["--source", RepoPaths.PeopleWalkingVideo, "--fps", "20", "--max-frames", frames.ToString(CultureInfo.InvariantCulture),
                 "--port", FreePort.Get().ToString(CultureInfo.InvariantCulture), "--ui-port", uiPort],
                workingDirectory);

            Assert.Equal(0, demo.WaitForExit(TimeSpan.FromSeconds(120)));
            Assert.StartsWith($"[demo] Live view: http://127.0.0.1:{uiPort}/", demo.StdoutLines[0], StringComparison.Ordinal);
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[camera] Preview: http://127.0.0.1:", StringComparison.Ordinal));
            Assert.Contains($"[job] Live view: http://127.0.0.1:{uiPort}/", demo.StdoutLines);
            Assert.Equal(frames, Directory.GetFiles(Path.Combine(workingDirectory, "output_frames"), "frame_*.jpg").Length);
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[job] Batch: 0", StringComparison.Ordinal));
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[camera] Consumer connected", StringComparison.Ordinal));
            Assert.Contains($"[demo] Done: {frames} frames in output_frames (job exit 0, camera exit 0).", demo.StdoutLines);
            Assert.True(Directory.Exists(Path.Combine(workingDirectory, "checkpoint", "commits")), "the job writes its checkpoint in the working directory");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
