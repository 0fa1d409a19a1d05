using System.CommandLine;
using System.Globalization;

namespace CameraServer;

/// <summary>The command-line surface: every option with its default, mapped onto <see cref="CameraServerOptions"/>.</summary>
internal sealed class CameraServerCommand
{
    private static readonly CameraServerOptions Defaults = new();

    private readonly Option<string> source = new("--source")
    {
        Description = "Frame source: a webcam index (0, 1, ...), 'synthetic' (generated moving figure, runs anywhere) or a video file path",
        DefaultValueFactory = _ => Defaults.Source,
    };
    private readonly Option<bool> loop = new("--loop") { Description = "Restart a video file at its end instead of stopping" };
    private readonly Option<int> width = new("--width")
    {
        Description = $"Width every frame is resized to ({CameraServerOptions.MinSize}..{CameraServerOptions.MaxSize})",
        DefaultValueFactory = _ => Defaults.Width,
    };
    private readonly Option<int> height = new("--height")
    {
        Description = $"Height every frame is resized to ({CameraServerOptions.MinSize}..{CameraServerOptions.MaxSize})",
        DefaultValueFactory = _ => Defaults.Height,
    };
    private readonly Option<int> jpegQuality = new("--jpeg-quality")
    {
        Description = "JPEG quality (1..100)",
        DefaultValueFactory = _ => Defaults.JpegQuality,
    };
    private readonly Option<double> fps = new("--fps")
    {
        Description = "Frames per second; 0 = unlimited, as fast as the consumer reads, without drops",
        DefaultValueFactory = _ => Defaults.Fps,
    };
    private readonly Option<int?> maxFrames = new("--max-frames")
    {
        Description = "Exit (code 0) after this many frames have been sent in total [default: unlimited]",
    };
    private readonly Option<string> host = new("--host")
    {
        Description = "Address to listen on (an IP address or 'localhost'); use 0.0.0.0 only to expose it on the network",
        DefaultValueFactory = _ => Defaults.Host,
    };
    private readonly Option<int> port = new("--port")
    {
        Description = "TCP port; 0 picks a free port (printed as 'Listening on HOST:PORT')",
        DefaultValueFactory = _ => Defaults.Port,
    };
    private readonly Option<int> maxConsumers = new("--max-consumers")
    {
        Description = "Concurrent consumers served; further connections are closed at once",
        DefaultValueFactory = _ => Defaults.MaxConsumers,
    };
    private readonly Option<double> sendTimeout = new("--send-timeout")
    {
        Description = "Seconds a consumer may stop reading before it is treated as disconnected",
        DefaultValueFactory = _ => Defaults.SendTimeoutSeconds,
    };
    private readonly Option<int?> previewPort = new("--preview-port")
    {
        Description = "Serve an MJPEG preview of the frames sent on http://PREVIEW-HOST:PORT/stream.mjpg (0 = a free port) [default: off]",
    };
    private readonly Option<string> previewHost = new("--preview-host")
    {
        Description = "Address the preview listens on; anything but loopback exposes the video to the network",
        DefaultValueFactory = _ => Defaults.PreviewHost,
    };

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
