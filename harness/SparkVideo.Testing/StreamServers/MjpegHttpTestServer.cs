using SparkVideo.ChildProcesses;

namespace SparkVideo.Testing.StreamServers;

/// <summary>
/// A real MJPEG-over-HTTP camera on loopback: ffmpeg serving a video, looped at its own rate, as
/// <c>multipart/x-mixed-replace</c> JPEGs on <see cref="Url"/>. ffmpeg's HTTP server takes one client and prints
/// nothing when it listens, so the camera server's own retry is what connects to it (a camera not there at start).
/// </summary>
public sealed class MjpegHttpTestServer : IDisposable
{
    private readonly ChildProcess _process;

    public MjpegHttpTestServer(string video)
    {
        Port = FreePort.Get();
        _process = ChildProcess.StartExecutable("ffmpeg",
            ["-nostdin", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", video, "-an", "-q:v", "5",
             "-f", "mpjpeg", "-listen", "1", Url],
            new ChildProcessOptions());
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/camera.mjpg";

    public void Dispose() => _process.Dispose();
}
