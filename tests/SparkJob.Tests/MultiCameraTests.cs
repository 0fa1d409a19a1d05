using System.Globalization;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Testing;

namespace SparkVideo.Job.Tests;

/// <summary>One job, several cameras (--camera NAME=HOST:PORT): real camera servers, the real job, real files.</summary>
public sealed class MultiCameraTests
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(150);

    [Fact]
    public void Every_frame_of_three_cameras_is_written_once_in_its_own_folder_and_listed_with_its_camera()
    {
        const int frames = 8;
        string[] names = ["north", "south", "gate-2"];
        // --fps 0: each server sends as fast as the job reads, never dropping, so every frame reaches the job.
        var cameras = names.Select(_ => CameraServerProcess.Start("--source", "synthetic", "--fps", "0", "--max-frames", frames.ToString(CultureInfo.InvariantCulture))).ToList();
        try
        {
            using var job = MultiCameraJob.Start(names.Zip(cameras, (name, camera) => (name, camera.Port)));

            job.WaitUntil(() => job.ConsoleRows().Count >= frames * names.Length,
                () => $"{job.ConsoleRows().Count} of {frames * names.Length} console rows", ProcessingTimeout);
            Assert.Equal(0, job.Process.InterruptOrKill(TimeSpan.FromSeconds(30)));

            var rows = job.ConsoleRows();
            Assert.Equal(frames * names.Length, rows.Count);
            var header = job.Process.StdoutLines.First(l => l.StartsWith("|camera", StringComparison.Ordinal));
            Assert.Equal(["", "camera", "timestamp", "output_path", ""], header.Split('|', StringSplitOptions.TrimEntries));
            foreach (var name in names)
            {
                var files = job.Frames(name);
                Assert.Equal(frames, files.Length);
                // Each file listed once, with its own camera, and nothing else listed for that camera.
                Assert.Equal(
                    files.Select(f => $"output_frames/{name}/{Path.GetFileName(f)}").Order(),
                    rows.Where(r => r.Camera == name).Select(r => r.OutputPath).Order());
            }
            // Nothing but the camera folders and their frames: no temporary file, no frame at the top.
            Assert.Equal(
                names.Select(n => $"output_frames/{n}").Concat(names.SelectMany(n => job.Frames(n).Select(f => $"output_frames/{n}/{Path.GetFileName(f)}"))).Order(),
                job.EverythingWritten().Order());
        }
        finally
        {
            cameras.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void A_camera_killed_mid_run_never_stops_the_others_and_reconnects_when_it_is_back()
    {
        int northPort = FreePort.Get();
        int southPort = FreePort.Get();
        using var north = StartCamera(northPort);
        var south = StartCamera(southPort);
        try
        {
            using var job = MultiCameraJob.Start([("north", northPort), ("south", southPort)]);
            job.WaitUntil(() => job.Frames("north").Length >= 5 && job.Frames("south").Length >= 5,
                () => $"north {job.Frames("north").Length}, south {job.Frames("south").Length} frames", ProcessingTimeout);

            south.Kill();
            south.WaitForExit(TimeSpan.FromSeconds(10));
            // South's source read all it will get once it logs the broken connection; a batch listing a north frame
            // captured after that took every south line left in the buffer, and is printed once all its files exist.
            job.Process.WaitForStderrLine(line => line.StartsWith($"socket source: 127.0.0.1:{southPort.ToString(CultureInfo.InvariantCulture)} ", StringComparison.Ordinal)
                && line.EndsWith("; reconnecting", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            var disconnected = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            job.WaitUntil(() => job.ConsoleRows().Any(r => r.Camera == "north" && double.Parse(r.Timestamp, CultureInfo.InvariantCulture) > disconnected),
                () => "no north frame captured after south went away is listed yet", ProcessingTimeout);
            // North keeps flowing while south is down, and south writes nothing more.
            var southWhileDown = job.Frames("south").Length;
            var northWhileDown = job.Frames("north").Length;
            job.WaitUntil(() => job.Frames("north").Length >= northWhileDown + 10,
                () => $"north wrote {job.Frames("north").Length - northWhileDown} more frames with south down", ProcessingTimeout);
            Assert.Equal(southWhileDown, job.Frames("south").Length);

            south.Dispose();
            south = StartCamera(southPort);
            job.WaitUntil(() => job.Frames("south").Length >= southWhileDown + 5,
                () => $"south wrote {job.Frames("south").Length - southWhileDown} frames since it came back", ProcessingTimeout);
            Assert.Equal(1, job.Reconnects(southPort));
            Assert.Equal(0, job.Reconnects(northPort));
            Assert.Equal(0, job.Process.InterruptOrKill(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            south.Dispose();
        }
    }

    [Fact]
    public void Two_cameras_sending_frames_of_the_same_millisecond_write_to_their_own_folders()
    {
        const double timestamp = 1767668128.308;
        var jpeg = VideoJpegs.Encode(RepoPaths.PeopleWalkingVideo, 640, 480, maxFrames: 1)[0];
        var line = FrameCodec.ToJson(FrameCodec.FromJpeg(timestamp, 640, 480, jpeg));
        // Each camera sends two frames of the same millisecond: four frames, one millisecond, no collision.
        using var first = new FixedLinesServer([line, line]);
        using var second = new FixedLinesServer([line, line]);
        using var job = MultiCameraJob.Start([("door", first.Port), ("yard", second.Port)]);

        job.WaitUntil(() => job.ConsoleRows().Count >= 4, () => $"{job.ConsoleRows().Count} of 4 console rows", ProcessingTimeout);

        foreach (var camera in new[] { "door", "yard" })
        {
            Assert.Equal(["frame_1767668128308.jpg", "frame_1767668128308_1.jpg"], job.Frames(camera).Select(Path.GetFileName).Order());
            Assert.Equal(
                [$"output_frames/{camera}/frame_1767668128308.jpg", $"output_frames/{camera}/frame_1767668128308_1.jpg"],
                job.ConsoleRows().Where(r => r.Camera == camera).Select(r => r.OutputPath).Order());
        }
        Assert.Equal(0, job.Process.InterruptOrKill(TimeSpan.FromSeconds(30)));
    }

    private static ChildProcess StartCamera(int port)
    {
        var camera = ChildProcess.StartProgram("CameraServer", "--source", "synthetic", "--fps", "10", "--port", port.ToString(CultureInfo.InvariantCulture));
        camera.WaitForLine(line => line == $"Listening on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", CameraServerProcess.StartupTimeout);
        return camera;
    }
}
