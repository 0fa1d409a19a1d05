using System.Net;
using SparkVideo.Frames;

namespace SparkVideo.CameraServer;

/// <summary>Everything the command line configures, with the documented defaults.</summary>
internal sealed record CameraServerOptions
{
    public const int MinSize = 16;
    public const int MaxSize = 4096;

    /// <summary>A camera index ("0"), "synthetic", or a video file path.</summary>
    public string Source { get; init; } = "synthetic";
    public bool Loop { get; init; }
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

    public IPEndPoint ListenEndpoint => new(ResolveHost(Host) ?? IPAddress.Loopback, Port);

    public IPAddress PreviewAddress => ResolveHost(PreviewHost) ?? IPAddress.Loopback;

    private static IPAddress? ResolveHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : null;
}
