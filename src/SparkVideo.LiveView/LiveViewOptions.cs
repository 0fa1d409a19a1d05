using System.Net;
using SparkVideo.Frames.Output;
using SparkVideo.LiveView.Status;

namespace SparkVideo.LiveView;

/// <summary>Where the live view listens and what it reads.</summary>
public sealed record LiveViewOptions
{
    public const int DefaultPort = 4050;
    public const string DefaultHost = "127.0.0.1";

    /// <summary>Ports tried from <see cref="Port"/> on when it is taken (Spark's UI tries 16 too).</summary>
    public const int PortAttempts = 16;

    public string Host { get; init; } = DefaultHost;

    /// <summary>First port to try; 0 lets the system pick one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The camera server's MJPEG preview, embedded beside the output; null shows no input.</summary>
    public string? CameraPreviewUrl { get; init; }

    /// <summary>
    /// The token every request must carry (--ui-token-file). Null: none on loopback; off loopback one is generated
    /// and printed once, since a live view on the network without one would show the video to anyone.
    /// </summary>
    public Access.AccessToken? Token { get; init; }

    /// <summary>
    /// The cameras of a multi-camera job, each writing into its folder <c>OutputDirectory/NAME/</c>: each gets its
    /// own stream and count on the page. Empty: one stream of every frame, as for a one-camera job.
    /// </summary>
    public IReadOnlyList<string> Cameras { get; init; } = [];

    /// <summary>
    /// The settings the job runs with that change what the video looks like (background, edges, ...), shown on the
    /// page and in /api/status in this order. The job adds one entry per setting; the live view knows none of them.
    /// </summary>
    public IReadOnlyList<JobSetting> Settings { get; init; } = [];

    /// <summary>The job's output directory on this machine (frame_&lt;ms&gt;.jpg and rejects.log).</summary>
    public required string OutputDirectory { get; init; }

    public string RejectsLogPath => OutputLayout.RejectsLogPath(OutputDirectory);

    /// <summary>An IP address or "localhost"; null when it is neither.</summary>
    public static IPAddress? ParseHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : null;

    /// <summary>True for an absolute http(s) URL, the only kind the page may embed.</summary>
    public static bool IsValidPreviewUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
