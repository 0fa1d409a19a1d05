using System.Globalization;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Job.Tests;

/// <summary>The README's demo command, run as the real program with a frame limit so it stops by itself.</summary>
public sealed class DemoTests
{
    [Fact]
    public void The_demo_runs_both_programs_and_stops_cleanly_after_max_frames()
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

    [Fact]
    public void The_demo_with_three_cameras_runs_three_camera_servers_and_one_job_writing_a_folder_per_camera()
    {
        const int frames = 6;
        var workingDirectory = Directory.CreateTempSubdirectory("sparkvideo-demo-cameras-").FullName;
        try
        {
            var port = FreePort.Get();
            using var demo = ChildProcess.StartDotnet(
                RepoPaths.InOutputFolder("SparkVideoDemo.dll"),
                ["--cameras", "3", "--source", RepoPaths.PeopleWalkingVideo, "--fps", "20", "--max-frames", frames.ToString(CultureInfo.InvariantCulture),
                 "--port", port.ToString(CultureInfo.InvariantCulture), "--ui-port", "0"],
                workingDirectory);

            Assert.Equal(0, demo.WaitForExit(TimeSpan.FromSeconds(150)));
            foreach (var camera in new[] { "cam1", "cam2", "cam3" })
            {
                Assert.Equal(frames, Directory.GetFiles(Path.Combine(workingDirectory, "output_frames", camera), "frame_*.jpg").Length);
                Assert.Contains(demo.StdoutLines, line => line.StartsWith($"[{camera}] Consumer connected", StringComparison.Ordinal));
            }
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[job] |camera|timestamp ", StringComparison.Ordinal));
            Assert.Contains($"[demo] Done: {frames * 3} frames in output_frames (job exit 0, camera exit 0).", demo.StdoutLines);
            Assert.True(Directory.Exists(Path.Combine(workingDirectory, "checkpoint", "3-cameras", "sources", "2")), "one checkpoint source per camera");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
