using System.Globalization;
using SparkVideo.ChildProcesses;
using SparkVideo.Testing;
using SparkVideo.Testing.StreamServers;

namespace SparkVideo.Job.Tests;

/// <summary>
/// The job fed by two camera servers on network cameras, an RTSP one (GStreamer's RTSP server) and MJPEG over HTTP
/// (ffmpeg), both streaming the sample video on loopback. The RTSP server killed for 5 s and started again: the job's
/// connection to its camera server never closes, and that camera's frames resume, each captured after the last.
/// </summary>
public sealed class NetworkCameraJobTests
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_job_writes_frames_from_an_rtsp_and_an_http_camera_and_the_rtsp_one_resumes_after_its_server_was_down_5_s()
    {
        using var video = new LoopedSampleVideo();
        using var rtsp = new RtspTestServer(video.Path);
        using var http = new MjpegHttpTestServer(RepoPaths.PeopleWalkingVideo);
        using var rtspCamera = CameraServerProcess.Start("--source", rtsp.Url, "--fps", "5", "--max-reconnect-delay", "2");
        using var httpCamera = CameraServerProcess.Start("--source", http.Url, "--fps", "5");
        using var job = MultiCameraJob.Start([("rtsp", rtspCamera.Port), ("http", httpCamera.Port)]);

        job.WaitUntil(() => job.Frames("rtsp").Length >= 5 && job.Frames("http").Length >= 5,
            () => $"rtsp {job.Frames("rtsp").Length}, http {job.Frames("http").Length} frames", ProcessingTimeout);

        rtsp.Kill();
        rtspCamera.Process.WaitForLine(line => line.StartsWith("Camera lost: ", StringComparison.Ordinal), ProcessingTimeout);
        var lastBefore = LatestCapture(job.Frames("rtsp"));
        Thread.Sleep(Outage); // the outage itself, not a wait for a condition
        rtsp.Start();
        rtspCamera.Process.WaitForLine(line => line.StartsWith("Camera back after ", StringComparison.Ordinal), ProcessingTimeout);
        job.WaitUntil(() => job.Frames("rtsp").Count(f => Capture(f) > lastBefore) >= 5,
            () => "no rtsp frames after the outage yet", ProcessingTimeout);

        var port = rtspCamera.Port.ToString(CultureInfo.InvariantCulture);
        Assert.DoesNotContain(job.Process.StderrLines, line => line.StartsWith($"socket source: 127.0.0.1:{port} ", StringComparison.Ordinal));
        Assert.DoesNotContain(rtspCamera.Process.StdoutLines, line => line.StartsWith("Consumer disconnected", StringComparison.Ordinal));
        var captures = job.Frames("rtsp").Select(Capture).ToList();
        Assert.Equal(captures.Count, captures.Distinct().Count()); // nothing sent twice across the outage
    }

    private static long Capture(string frameFile)
    {
        Assert.True(SparkVideo.Frames.Output.OutputLayout.TryParseFrameFileName(Path.GetFileName(frameFile), out var captureUnixMs));
        return captureUnixMs;
    }

    private static long LatestCapture(IEnumerable<string> frameFiles) => frameFiles.Select(Capture).Max();
}
