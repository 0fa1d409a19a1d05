using System.Net;
using SparkVideo.Frames;

namespace SparkVideo.CameraServer;

/// <summary>Everything the command line configures, with the documented defaults.</summary>
internal sealed record CameraServerOptions
{
    public const int MinSize = 16;
    public const int MaxSize = 4096;

    /// <summary>A camera index ("0"), "synthetic", a network camera URL (rtsp://, http://, ...) or a video file path.</summary>
    public string Source { get; init; } = "synthetic";

    /// <summary>True when --source was on the command line (the environment variable is then ignored).</summary>
    public bool SourceGiven { get; init; }

    /// <summary>A file whose first line is the source (a camera URL kept off the command line).</summary>
    public string? SourceFile { get; init; }

    /// <summary>Where the source came from when not --source ("from --source-file"), for the banner; empty otherwise.</summary>
    public string SourceOrigin { get; init; } = "";

    /// <summary>A network camera must deliver its first frame within this time of each connection attempt.</summary>
    public double ConnectTimeoutSeconds { get; init; } = 10;

    /// <summary>A network camera that delivers no frame for this long is treated as lost (a stalled stream).</summary>
    public double ReadTimeoutSeconds { get; init; } = 5;

    /// <summary>RTSP's transport: "tcp" (default, works through NAT and firewalls) or "udp".</summary>
    public string RtspTransport { get; init; } = "tcp";

    /// <summary>The longest wait between reconnection attempts to a lost network camera (the backoff's cap).</summary>
    public double MaxReconnectDelaySeconds { get; init; } = 5;
    public bool Loop { get; init; }

    /// <summary>
    /// A looped video file's first pass is kept as the JPEGs it was sent as, up to this many MiB, and sent again from
    /// memory after it (the same bytes, without decoding and encoding again); 0 decodes and encodes every frame.
    /// </summary>
    public int ReplayCacheMiB { get; init; } = 64;
    public const int MaxReplayCacheMiB = 4096;
    public int Width { get; init; } = 640;
    public int Height { get; init; } = 480;
    public int JpegQuality { get; init; } = 80;

    /// <summary>Frames per second; 0 means as fast as the consumer reads.</summary>
    public double Fps { get; init; } = 10;

    /// <summary>Stop after this many frames sent in total; null streams forever.</summary>
    public int? MaxFrames { get; init; }
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = FrameContract.DefaultPort;
    public int MaxConsumers { get; init; } = 1;

    /// <summary>Addresses or CIDR ranges consumers may connect from (--allow); empty serves loopback only.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>Port of the MJPEG preview of the frames sent; null = no preview, 0 = a free port.</summary>
    public int? PreviewPort { get; init; }
    public string PreviewHost { get; init; } = "127.0.0.1";

    /// <summary>A consumer whose socket accepts nothing for this long is treated as disconnected.</summary>
    public double SendTimeoutSeconds { get; init; } = 10;

    /// <summary>Returns null when every value is usable, else a one-line reason.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Source))
        {
            return "--source must not be empty";
        }
        if (Sources.Network.CameraUrl.LooksLikeUrl(Source) && Sources.Network.CameraUrl.Parse(Source, out var badUrl) is null)
        {
            return badUrl;
        }
        if (!IsSeconds(ConnectTimeoutSeconds) || !IsSeconds(ReadTimeoutSeconds) || !IsSeconds(MaxReconnectDelaySeconds))
        {
            return "--connect-timeout, --read-timeout and --max-reconnect-delay must be between 0 and 3600 seconds, got " +
                $"{ConnectTimeoutSeconds}, {ReadTimeoutSeconds} and {MaxReconnectDelaySeconds}";
        }
        if (!double.IsFinite(Fps) || Fps < 0 || Fps > 1000)
        {
            return $"--fps must be between 0 (unlimited) and 1000, got {Fps}";
        }
        if (Width is < MinSize or > MaxSize || Height is < MinSize or > MaxSize)
        {
            return $"--width and --height must be between {MinSize} and {MaxSize}, got {Width}x{Height}";
        }
        if (JpegQuality is < 1 or > 100)
        {
            return $"--jpeg-quality must be between 1 and 100, got {JpegQuality}";
        }
        if (ReplayCacheMiB is < 0 or > MaxReplayCacheMiB)
        {
            return $"--replay-cache-mib must be between 0 and {MaxReplayCacheMiB}, got {ReplayCacheMiB}";
        }
        if (MaxFrames is < 1)
        {
            return $"--max-frames must be at least 1, got {MaxFrames}";
        }
        if (Port is < 0 or > 65535)
        {
            return $"--port must be between 0 and 65535, got {Port}";
        }
        if (MaxConsumers < 1)
        {
            return $"--max-consumers must be at least 1, got {MaxConsumers}";
        }
        if (!double.IsFinite(SendTimeoutSeconds) || SendTimeoutSeconds <= 0 || SendTimeoutSeconds > 3600)
        {
            return $"--send-timeout must be between 0 and 3600 seconds, got {SendTimeoutSeconds}";
        }
        if (PreviewPort is < 0 or > 65535)
        {
            return $"--preview-port must be between 0 and 65535, got {PreviewPort}";
        }
        if (ResolveHost(PreviewHost) is null)
        {
            return $"--preview-host must be an IP address or 'localhost', got '{PreviewHost}'";
        }
        if (ResolveHost(Host) is null)
        {
            return $"--host must be an IP address or 'localhost', got '{Host}'";
        }
        if (Allow.Select(Streaming.ConsumerAllowList.Validate).FirstOrDefault(problem => problem is not null) is { } badAllow)
        {
            return badAllow;
        }
        return null;
    }

    private static bool IsSeconds(double seconds) => double.IsFinite(seconds) && seconds > 0 && seconds <= 3600;

    public IPEndPoint ListenEndpoint => new(ResolveHost(Host) ?? IPAddress.Loopback, Port);

    public IPAddress PreviewAddress => ResolveHost(PreviewHost) ?? IPAddress.Loopback;

    private static IPAddress? ResolveHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : null;
}
