using System.Globalization;

namespace SparkVideo.CameraServer.Sources.Network;

/// <summary>
/// The external ffmpeg that reads network cameras. OpenCV's bundled FFmpeg cannot open rtsp:// or http:// URLs, so
/// each connection is an ffmpeg child process that decodes the stream to raw BGR frames of the output size on its
/// stdout. The command line is built here and only here.
/// </summary>
internal static class Ffmpeg
{
    public const string Missing =
        "network cameras are read through ffmpeg, which is not installed or not on PATH (Debian/Ubuntu: sudo apt-get install ffmpeg)";

    private static readonly string ProgramName = OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg";

    /// <summary>The ffmpeg executable on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, ProgramName))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// ffmpeg's arguments for one connection: its own I/O timeout (so it gives up and says why), RTSP over the chosen
    /// transport, no audio, frames scaled to the output size and written as they come (no frame-rate conversion).
    /// </summary>
    public static IReadOnlyList<string> Arguments(CameraUrl url, NetworkCameraSettings settings)
    {
        var ioTimeoutMicroseconds = ((long)(Math.Max(settings.ConnectTimeout.TotalSeconds, settings.ReadTimeout.TotalSeconds) * 1e6))
            .ToString(CultureInfo.InvariantCulture);
        // Probing the stream for 1 s instead of FFmpeg's 5 s: on the test RTSP server the first frame came after 1.8 s
        // instead of 3.5 s, which every reconnection pays.
        var arguments = new List<string>
        {
            "-nostdin", "-hide_banner", "-loglevel", "error", "-fflags", "nobuffer", "-flags", "low_delay", "-analyzeduration", "1000000",
        };
        if (url.IsRtsp)
        {
            arguments.AddRange(["-rtsp_transport", settings.RtspTransport, "-timeout", ioTimeoutMicroseconds]);
        }
        else
        {
            arguments.AddRange(["-rw_timeout", ioTimeoutMicroseconds]);
        }
        arguments.AddRange(["-i", url.Secret, "-an", "-sn", "-dn", "-fps_mode", "passthrough",
            "-vf", $"scale={settings.Width}:{settings.Height}:flags=area", "-pix_fmt", "bgr24", "-f", "rawvideo", "pipe:1"]);
        return arguments;
    }
}
