using System.CommandLine;
using System.Globalization;
using SparkVideo.CommandLine;

namespace SparkVideo.CameraServer;

/// <summary>The command-line surface: every option with its default, mapped onto <see cref="CameraServerOptions"/>.</summary>
internal sealed class CameraServerCommand
{
    private static readonly CameraServerOptions Defaults = new();

    public RootCommand Root { get; }

    public CameraServerCommand(Func<CameraServerOptions, int> run)
    {
        var options = new RecordOptions<CameraServerOptions>();
        options.Add(
            new Option<string?>("--source")
            {
                Description = "Frame source: a webcam index (0, 1, ...), 'synthetic' (generated moving figure, runs anywhere), a network " +
                    "camera (rtsp://, rtsps://, http:// MJPEG, https://; read through ffmpeg) or a video file path; " +
                    $"${Sources.SourceSelection.EnvironmentVariable} when not given [default: {Defaults.Source}]",
            },
            (o, v) => v is null ? o : o with { Source = v, SourceGiven = true });
        options.Add(
            new Option<string?>("--source-file")
            {
                Description = "Read the source from this file's first line instead, e.g. a camera URL with a password, kept off the " +
                    "command line",
            },
            (o, v) => o with { SourceFile = v });
        options.Add(
            new Option<bool>("--loop") { Description = "Restart a video file at its end instead of stopping" },
            (o, v) => o with { Loop = v });
        options.Add(
            CommandOptions.WithDefault(
                "--replay-cache-mib",
                "With --loop: keep the file's first pass as the JPEGs sent, up to this many MiB, and send them again after it " +
                "instead of decoding and encoding each frame again; 0 = off",
                Defaults.ReplayCacheMiB),
            (o, v) => o with { ReplayCacheMiB = v });
        options.Add(
            CommandOptions.WithDefault(
                "--connect-timeout",
                "Network camera: seconds to connect and receive the first frame before the attempt counts as failed",
                Defaults.ConnectTimeoutSeconds),
            (o, v) => o with { ConnectTimeoutSeconds = v });
        options.Add(
            CommandOptions.WithDefault(
                "--read-timeout",
                "Network camera: seconds without a frame after which the stream counts as lost (stalled) and is reopened",
                Defaults.ReadTimeoutSeconds),
            (o, v) => o with { ReadTimeoutSeconds = v });
        var transport = CommandOptions.WithDefault("--rtsp-transport", "RTSP camera: transport of the video, tcp or udp", Defaults.RtspTransport);
        transport.AcceptOnlyFromAmong("tcp", "udp");
        options.Add(transport, (o, v) => o with { RtspTransport = v });
        options.Add(
            CommandOptions.WithDefault(
                "--max-reconnect-delay",
                "Network camera: the longest wait between attempts to reach a lost camera (the wait doubles from 0.5 s up to this)",
                Defaults.MaxReconnectDelaySeconds),
            (o, v) => o with { MaxReconnectDelaySeconds = v });
        options.Add(
            CommandOptions.WithDefault(
                "--width",
                $"Width every frame is resized to ({CameraServerOptions.MinSize}..{CameraServerOptions.MaxSize})",
                Defaults.Width),
            (o, v) => o with { Width = v });
        options.Add(
            CommandOptions.WithDefault(
                "--height",
                $"Height every frame is resized to ({CameraServerOptions.MinSize}..{CameraServerOptions.MaxSize})",
                Defaults.Height),
            (o, v) => o with { Height = v });
        options.Add(
            CommandOptions.WithDefault("--jpeg-quality", "JPEG quality (1..100)", Defaults.JpegQuality),
            (o, v) => o with { JpegQuality = v });
        options.Add(
            CommandOptions.WithDefault(
                "--fps",
                "Frames per second; 0 = unlimited, as fast as the consumer reads, without drops",
                Defaults.Fps),
            (o, v) => o with { Fps = v });
        options.Add(
            new Option<int?>("--max-frames")
            {
                Description = "Exit (code 0) after this many frames have been sent in total [default: unlimited]",
            },
            (o, v) => o with { MaxFrames = v });
        options.Add(
            CommandOptions.WithDefault(
                "--host",
                "Address to listen on (an IP address or 'localhost'); use 0.0.0.0 only to expose it on the network",
                Defaults.Host),
            (o, v) => o with { Host = v });
        options.Add(
            CommandOptions.WithDefault("--port", "TCP port; 0 picks a free port (printed as 'Listening on HOST:PORT')", Defaults.Port),
            (o, v) => o with { Port = v });
        options.Add(
            new Option<string[]>("--allow")
            {
                Description = "An address or CIDR range consumers may connect from (repeatable); others are closed at once and logged " +
                    "[default: loopback only]",
                Arity = ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = false,
            },
            (o, v) => o with { Allow = v ?? [] });
        options.Add(
            CommandOptions.WithDefault(
                "--max-consumers",
                "Concurrent consumers served; further connections are closed at once",
                Defaults.MaxConsumers),
            (o, v) => o with { MaxConsumers = v });
        options.Add(
            CommandOptions.WithDefault(
                "--send-timeout",
                "Seconds a consumer may stop reading before it is treated as disconnected",
                Defaults.SendTimeoutSeconds),
            (o, v) => o with { SendTimeoutSeconds = v });
        options.Add(
            new Option<int?>("--preview-port")
            {
                Description = "Serve an MJPEG preview of the frames sent on http://PREVIEW-HOST:PORT/stream.mjpg (0 = a free port) " +
                    "[default: off]",
            },
            (o, v) => o with { PreviewPort = v });
        options.Add(
            CommandOptions.WithDefault(
                "--preview-host",
                "Address the preview listens on; anything but loopback exposes the video to the network",
                Defaults.PreviewHost),
            (o, v) => o with { PreviewHost = v });

        Root = new RootCommand(
            "CameraServer: streams frames from a webcam, a network camera, a video file or a synthetic scene as JSON lines " +
            "{\"timestamp\", \"frame_width\", \"frame_height\", \"frame_data\" (base64 JPEG)} over TCP.");
        options.AddTo(Root);
        Root.SetAction(parseResult => run(options.Bind(parseResult, Defaults)));
    }

    /// <summary>Formats a rate for humans: "10 FPS" or "unlimited FPS".</summary>
    public static string DescribeRate(double fps) =>
        fps == 0 ? "unlimited FPS (as fast as the consumer reads)" : fps.ToString("0.##", CultureInfo.InvariantCulture) + " FPS";
}
