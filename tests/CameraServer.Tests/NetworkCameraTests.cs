using System.Net;
using System.Net.Sockets;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Testing;
using SparkVideo.Testing.StreamServers;

namespace SparkVideo.CameraServer.Tests;

/// <summary>
/// Network cameras against real servers on loopback: GStreamer's RTSP server and ffmpeg's MJPEG over HTTP, both
/// streaming the sample video. Frames arrive; the camera killed, frozen or absent at start is waited for while the
/// consumer stays connected, and timestamps keep increasing across the outage.
/// </summary>
public sealed class NetworkCameraTests : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    private readonly LoopedSampleVideo _video = new();

    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    public void Rtsp_camera_frames_arrive_at_the_output_size_in_time_order(string transport)
    {
        using var rtsp = new RtspTestServer(_video.Path);
        using var server = CameraServerProcess.Start("--source", rtsp.Url, "--rtsp-transport", transport, "--fps", "10");
        using var client = server.Connect();

        var frames = client.ReadLines(10, ReadTimeout).Select(line => FrameAssert.ValidLine(line)).ToList();

        FrameAssert.StrictlyIncreasing(frames);
        Assert.NotEqual(frames[0].FrameData, frames[^1].FrameData); // the picture moves
        server.Process.WaitForLine(line => line.Contains($"RTSP over {transport.ToUpperInvariant()}", StringComparison.Ordinal), ReadTimeout);
        server.Process.WaitForLine(line => line == $"Camera connected: {rtsp.Url}", ReadTimeout);
    }

    [Fact]
    public void Mjpeg_over_http_camera_frames_arrive_at_the_output_size()
    {
        using var http = new MjpegHttpTestServer(RepoPaths.PeopleWalkingVideo);
        using var server = CameraServerProcess.Start("--source", http.Url, "--width", "320", "--height", "240", "--fps", "10");
        using var client = server.Connect();

        var frames = client.ReadLines(10, ReadTimeout).Select(line => FrameAssert.ValidLine(line, 320, 240)).ToList();

        FrameAssert.StrictlyIncreasing(frames);
        server.Process.WaitForLine(line => line == $"Camera connected: {http.Url}", ReadTimeout);
    }

    [Fact]
    public void Rtsp_server_killed_for_5_s_keeps_the_consumer_connected_and_frames_resume_with_later_timestamps()
    {
        using var rtsp = new RtspTestServer(_video.Path);
        using var server = CameraServerProcess.Start("--source", rtsp.Url, "--fps", "10", "--max-reconnect-delay", "2");
        using var client = server.Connect();
        var before = client.ReadLines(5, ReadTimeout).Select(line => FrameAssert.ValidLine(line)).ToList();

        rtsp.Kill();
        var lost = server.Process.WaitForLine(line => line.StartsWith("Camera lost: ", StringComparison.Ordinal), ReadTimeout);
        Thread.Sleep(Outage); // the outage itself, not a wait for a condition
        rtsp.Start();
        server.Process.WaitForLine(line => line.StartsWith("Camera back after ", StringComparison.Ordinal), ReadTimeout);

        var after = new List<FrameMessage>();
        while (after.Count < 15)
        {
            var line = client.ReadLine(ReadTimeout);
            Assert.True(line is not null, "the consumer's connection closed during the outage\n" + server.Process.DescribeOutput());
            after.Add(FrameAssert.ValidLine(line));
        }
        FrameAssert.StrictlyIncreasing([.. before, .. after]);
        Assert.EndsWith("; reconnecting", lost, StringComparison.Ordinal);
        Assert.Single(server.Process.StdoutLines, line => line.StartsWith("Camera lost: ", StringComparison.Ordinal));
        // stdout is read on its own thread, behind the frames on the socket: wait for the count rather than snapshot it.
        server.Process.WaitForLine(line => line.StartsWith("Sent ", StringComparison.Ordinal) &&
                                           line.Contains("camera lost 1 time", StringComparison.Ordinal), ReadTimeout);
        Assert.DoesNotContain(server.Process.StdoutLines, line => line.StartsWith("Consumer disconnected", StringComparison.Ordinal));
    }

    [Fact]
    public void Rtsp_server_that_freezes_mid_stream_is_lost_after_the_read_timeout_and_read_again_when_it_goes_on()
    {
        using var rtsp = new RtspTestServer(_video.Path);
        using var server = CameraServerProcess.Start("--source", rtsp.Url, "--fps", "10", "--read-timeout", "1", "--max-reconnect-delay", "1");
        using var client = server.Connect();
        client.ReadLines(3, ReadTimeout);

        rtsp.Pause();
        try
        {
            server.Process.WaitForLine(line => line == $"Camera lost: {rtsp.Url}: no frame for 1 s (--read-timeout); reconnecting", ReadTimeout);
        }
        finally
        {
            rtsp.Resume();
        }
        server.Process.WaitForLine(line => line.StartsWith("Camera back after ", StringComparison.Ordinal), ReadTimeout);
        Assert.NotNull(client.ReadLine(ReadTimeout));
    }

    [Fact]
    public void Server_that_accepts_and_never_sends_is_given_up_after_the_timeout_and_retried()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var held = new System.Collections.Concurrent.ConcurrentBag<Socket>();
        using var accepting = new CancellationTokenSource();
        var acceptLoop = Task.Run(async () =>
        {
            while (!accepting.IsCancellationRequested)
            {
                held.Add(await silent.AcceptSocketAsync(accepting.Token));
            }
        });
        var url = $"http://127.0.0.1:{port}/camera.mjpg";
        try
        {
            using var server = CameraServerProcess.Start("--source", url, "--connect-timeout", "1", "--max-reconnect-delay", "1");
            using var client = server.Connect();

            server.Process.WaitForLine(line => line == $"Camera lost: {url}: no frame within 1 s of connecting (--connect-timeout); reconnecting",
                ReadTimeout);
            Eventually.True(() => held.Count >= 2, () => $"the camera server connected {held.Count} times; it should retry");
            Assert.Throws<TimeoutException>(() => client.ReadLine(TimeSpan.FromMilliseconds(200))); // connected, nothing to send
        }
        finally
        {
            accepting.Cancel();
            silent.Stop();
            Assert.ThrowsAny<OperationCanceledException>(() => acceptLoop.GetAwaiter().GetResult());
            foreach (var socket in held)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public void Camera_not_there_at_start_is_retried_until_it_answers()
    {
        var port = FreePort.Get();
        var url = $"rtsp://127.0.0.1:{port}/stream";
        using var server = CameraServerProcess.Start("--source", url, "--max-reconnect-delay", "1");
        using var client = server.Connect();
        server.Process.WaitForLine(line => line.StartsWith($"Camera lost: {url}: ", StringComparison.Ordinal), ReadTimeout);

        using var rtsp = new RtspTestServer(_video.Path, port: port);

        Assert.NotNull(client.ReadLine(ReadTimeout));
        server.Process.WaitForLine(line => line == $"Camera connected: {url}", ReadTimeout);
    }

    [Fact]
    public void Without_ffmpeg_a_network_camera_is_one_error_line_naming_the_package()
    {
        var noPrograms = Directory.CreateTempSubdirectory("sparkvideo-no-ffmpeg-");
        try
        {
            using var server = SparkVideoProgram.CameraServer.Start(["--source", "rtsp://127.0.0.1:9/stream", "--port", "0"],
                new ChildProcessOptions { Environment = [new("PATH", noPrograms.FullName)] });

            Assert.Equal(1, server.WaitForExit(ReadTimeout));
            var error = Assert.Single(server.StderrLines);
            Assert.Contains("ffmpeg, which is not installed or not on PATH (Debian/Ubuntu: sudo apt-get install ffmpeg)", error, StringComparison.Ordinal);
        }
        finally
        {
            noPrograms.Delete();
        }
    }

    public void Dispose() => _video.Dispose();
}
