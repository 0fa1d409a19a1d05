using System.Globalization;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Demo.Tests;

/// <summary>The README's demo command, run as the real program with a frame limit so it stops by itself.</summary>
public sealed class DemoTests
{
    [Fact]
    public void The_demo_starts_clean_runs_both_programs_and_stops_cleanly_after_max_frames()
    {
        const int frames = 12;
        var uiPort = FreePort.Get().ToString(CultureInfo.InvariantCulture);
        var workingDirectory = Directory.CreateTempSubdirectory("sparkvideo-demo-").FullName;
        try
        {
            // What an earlier run leaves: frames, a rejects.log, a checkpoint at batch 57; and a file of the user's.
            var earlierFrames = Directory.CreateDirectory(Path.Combine(workingDirectory, "output_frames")).FullName;
            for (var i = 0; i < 3; i++)
            {
                File.Copy(RepoPaths.Photos[0], Path.Combine(earlierFrames, $"frame_{1_700_000_000_000 + i}.jpg"));
            }
            File.WriteAllText(Path.Combine(earlierFrames, "rejects.log"), "earlier\n");
            File.WriteAllText(Path.Combine(earlierFrames, "notes.txt"), "the user's own\n");
            Directory.CreateDirectory(Path.Combine(workingDirectory, "checkpoint", "commits"));
            File.WriteAllText(Path.Combine(workingDirectory, "checkpoint", "commits", "57"), "v1\n{}\n");

            using var demo = SparkVideoProgram.Demo.Start(
                ["--source", RepoPaths.PeopleWalkingVideo, "--fps", "20", "--max-frames", frames.ToString(CultureInfo.InvariantCulture),
                 "--port", FreePort.Get().ToString(CultureInfo.InvariantCulture), "--ui-port", uiPort],
                workingDirectory);

            Assert.Equal(0, demo.WaitForExit(TimeSpan.FromSeconds(120)));
            Assert.StartsWith($"[demo] Live view: http://127.0.0.1:{uiPort}/", demo.StdoutLines[0], StringComparison.Ordinal);
            Assert.Single(demo.StdoutLines, line => line.Contains("Live view: ", StringComparison.Ordinal));
            Assert.Contains("[demo] Starting clean: deleted the earlier run's 3 frames in output_frames and its checkpoint (--continue keeps them).", demo.StdoutLines);
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[camera] Preview: http://127.0.0.1:", StringComparison.Ordinal));
            Assert.Equal(frames, Directory.GetFiles(earlierFrames, "frame_*.jpg").Length);
            Assert.False(File.Exists(Path.Combine(earlierFrames, "rejects.log")), "the earlier run's rejects.log is left");
            Assert.True(File.Exists(Path.Combine(earlierFrames, "notes.txt")), "a file the job never writes was deleted");
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[job] Batch: 0", StringComparison.Ordinal));
            // One table every 50 batches by default: of a dozen batches only the first is shown.
            Assert.DoesNotContain(demo.StdoutLines, line => line.StartsWith("[job] Batch: ", StringComparison.Ordinal) && line != "[job] Batch: 0");
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[job] Retention: 512.0 MiB per folder", StringComparison.Ordinal));
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[camera] Consumer connected", StringComparison.Ordinal));
            Assert.Single(demo.StdoutLines, line => line.Contains("Stopping the query...", StringComparison.Ordinal));
            Assert.Contains($"[demo] Done: {frames} frames in output_frames (job exit 0, camera exit 0).", demo.StdoutLines);
            Assert.True(Directory.Exists(Path.Combine(workingDirectory, "checkpoint", "commits")), "the job writes its checkpoint in the working directory");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>The sample video has 100 frames: asked for more, the demo plays it again until it has them, and stops.</summary>
    [Fact]
    public void The_demo_asked_for_more_frames_than_the_video_has_loops_it_and_stops_after_max_frames()
    {
        const int frames = 110;
        var workingDirectory = Directory.CreateTempSubdirectory("sparkvideo-demo-").FullName;
        try
        {
            using var demo = SparkVideoProgram.Demo.Start(
                ["--source", RepoPaths.PeopleWalkingVideo, "--fps", "50", "--max-frames", frames.ToString(CultureInfo.InvariantCulture),
                 "--port", FreePort.Get().ToString(CultureInfo.InvariantCulture), "--ui-port", "0"],
                workingDirectory);

            Assert.Equal(0, demo.WaitForExit(TimeSpan.FromSeconds(90)));
            Assert.Contains($"[demo] Done: {frames} frames in output_frames (job exit 0, camera exit 0).", demo.StdoutLines);
            Assert.Equal(frames, Directory.GetFiles(Path.Combine(workingDirectory, "output_frames"), "frame_*.jpg").Length);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>
    /// A demo started from a background job of a non-interactive shell (a CI runner, <c>cmd &amp;</c>) inherits SIGINT
    /// ignored; it still stops its programs with SIGINT, cleanly, when it is told to stop (SIGTERM here).
    /// </summary>
    [Fact]
    public void The_demo_started_with_SIGINT_ignored_stops_its_programs_cleanly()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("sparkvideo-demo-sigign-").FullName;
        try
        {
            using var demo = SparkVideoProgram.Demo.Start(
                ["--source", "synthetic", "--port", FreePort.Get().ToString(CultureInfo.InvariantCulture), "--ui-port", "0", "--show-batches", "1"],
                new ChildProcessOptions
                {
                    WorkingDirectory = workingDirectory,
                    // As bash starts a background command without job control: SIGINT ignored, then exec.
                    RunThrough = ["bash", "-c", "trap '' INT; exec \"$@\"", "bash"],
                });
            demo.WaitForLine(line => line.StartsWith("[job] Batch: 1", StringComparison.Ordinal), TimeSpan.FromSeconds(120));

            demo.SendTerminate();

            Assert.Equal(0, demo.WaitForExit(TimeSpan.FromSeconds(60)));
            Assert.Contains(demo.StdoutLines, line => line.StartsWith("[demo] Done: ", StringComparison.Ordinal) && line.EndsWith("(job exit 0, camera exit 0).", StringComparison.Ordinal));
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
            using var demo = SparkVideoProgram.Demo.Start(
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
