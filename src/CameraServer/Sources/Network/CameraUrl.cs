using SparkVideo.CommandLine;

namespace SparkVideo.CameraServer.Sources.Network;

/// <summary>
/// A network camera's address (--source rtsp://, rtsps://, http:// or https://). <see cref="ToString"/> is the
/// redacted form, so a URL written into a line never shows its credentials; only <see cref="Secret"/> (given to
/// ffmpeg) carries them.
/// </summary>
internal sealed class CameraUrl
{
    private static readonly string[] Schemes = ["rtsp", "rtsps", "http", "https"];

    private CameraUrl(Uri uri, string text)
    {
        Secret = text;
        Redacted = UrlCredentials.Redact(text);
        Scheme = uri.Scheme;
        HasCredentials = uri.UserInfo.Length > 0;
    }

    /// <summary>The URL as given, credentials included: for ffmpeg's command line only.</summary>
    public string Secret { get; }

    public string Redacted { get; }

    /// <summary>"rtsp", "rtsps", "http" or "https".</summary>
    public string Scheme { get; }

    public bool IsRtsp => Scheme.StartsWith("rtsp", StringComparison.Ordinal);

    public bool HasCredentials { get; }

    /// <summary>True when --source is meant as a URL (it has a scheme), whether or not it is a valid one.</summary>
    public static bool LooksLikeUrl(string source) => source.Contains("://", StringComparison.Ordinal);

    /// <summary>Parses a network camera URL; null with a one-line <paramref name="problem"/> (credentials masked) when it is not one.</summary>
    public static CameraUrl? Parse(string source, out string? problem)
    {
        var shown = UrlCredentials.Redact(source);
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || source.Any(char.IsWhiteSpace))
        {
            problem = $"--source {shown} is not a valid URL";
            return null;
        }
        if (!Schemes.Contains(uri.Scheme))
        {
            problem = $"--source {shown}: unsupported scheme '{uri.Scheme}' (network cameras are rtsp://, rtsps://, http:// or https://)";
            return null;
        }
        problem = null;
        return new CameraUrl(uri, source);
    }

    public override string ToString() => Redacted;
}
