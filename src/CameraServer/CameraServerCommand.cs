using System.CommandLine;
using System.Globalization;
using SparkVideo.CommandLine;

namespace CameraServer;

/// <summary>The command-line surface: every option with its default, mapped onto <see cref="CameraServerOptions"/>.</summary>
internal sealed class CameraServerCommand
{
    private static readonly CameraServerOptions Defaults = new();

    private readonly Option<string> source = CommandOptions.WithDefault("--source", "Frame source: a webcam index (0, 1, ...), 'synthetic' (generated moving figure, runs anywhere) or a video file path", Defaults.Source);
    private readonly Option<bool> loop = new("--loop") { Description = "Restart a video file at its end instead of stopping" };
    private readonly Option<int> width = CommandOptions.WithDefault("--width", $"Width every frame is resized to ({CameraServerOptions.MinSize}..{CameraServerOptions.MaxSize})", Defaults.Width);
    private readonly Option<int> height = CommandOptions.WithDefault("--height", $"Height every frame is resized to ({CameraServerOptions.MinSize}..{CameraServerOptions.MaxSize})", Defaults.Height);
    private readonly Option<int> jpegQuality = CommandOptions.WithDefault("--jpeg-quality", "JPEG quality (1..100)", Defaults.JpegQuality);
    private readonly Option<double> fps = CommandOptions.WithDefault("--fps", "Frames per second; 0 = unlimited, as fast as the consumer reads, without drops", Defaults.Fps);
    private readonly Option<int?> maxFrames = new("--max-frames") { Description = "Exit (code 0) after this many frames have been sent in total [default: unlimited]" };
    private readonly Option<string> host = CommandOptions.WithDefault("--host", "Address to listen on (an IP address or 'localhost'); use 0.0.0.0 only to expose it on the network", Defaults.Host);
    private readonly Option<int> port = CommandOptions.WithDefault("--port", "TCP port; 0 picks a free port (printed as 'Listening on HOST:PORT')", Defaults.Port);
    private readonly Option<int> maxConsumers = CommandOptions.WithDefault("--max-consumers", "Concurrent consumers served; further connections are closed at once", Defaults.MaxConsumers);
    private readonly Option<double> sendTimeout = CommandOptions.WithDefault("--send-timeout", "Seconds a consumer may stop reading before it is treated as disconnected", Defaults.SendTimeoutSeconds);
    private readonly Option<int?> previewPort = new("--preview-port") { Description = "Serve an MJPEG preview of the frames sent on http://PREVIEW-HOST:PORT/stream.mjpg (0 = a free port) [default: off]" };
    private readonly Option<string> previewHost = CommandOptions.WithDefault("--preview-host", "Address the preview listens on; anything but loopback exposes the video to the network", Defaults.PreviewHost);

    public RootCommand Root { get; }

    public CameraServerCommand(Func<CameraServerOptions, int> run)
    {
        Root = new RootCommand(
            "CameraServer: streams frames from a webcam, a video file or a synthetic scene as JSON lines " +
            "{\"timestamp\", \"frame_width\", \"frame_height\", \"frame_data\" (base64 JPEG)} over TCP.")
        {
            source, loop, width, height, jpegQuality, fps, maxFrames, host, port, maxConsumers, sendTimeout, previewPort, previewHost,
        };
        Root.SetAction(parseResult => run(ToOptions(parseResult)));
    }

    private CameraServerOptions ToOptions(ParseResult result) => new()
    {
        Source = result.GetValue(source) ?? Defaults.Source,
        Loop = result.GetValue(loop),
        Width = result.GetValue(width),
        Height = result.GetValue(height),
        JpegQuality = result.GetValue(jpegQuality),
        Fps = result.GetValue(fps),
        MaxFrames = result.GetValue(maxFrames),
        Host = result.GetValue(host) ?? Defaults.Host,
        Port = result.GetValue(port),
        MaxConsumers = result.GetValue(maxConsumers),
        SendTimeoutSeconds = result.GetValue(sendTimeout),
        PreviewPort = result.GetValue(previewPort),
        PreviewHost = result.GetValue(previewHost) ?? Defaults.PreviewHost,
    };

    /// <summary>Formats a rate for humans: "10 FPS" or "unlimited FPS".</summary>
    public static string DescribeRate(double fps) =>
        fps == 0 ? "unlimited FPS (as fast as the consumer reads)" : fps.ToString("0.##", CultureInfo.InvariantCulture) + " FPS";
}
