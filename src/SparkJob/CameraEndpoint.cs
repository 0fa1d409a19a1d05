using System.Globalization;
using SparkVideo.Processing;

namespace SparkVideo.Job;

/// <summary>One camera of a multi-camera job: <c>--camera NAME=HOST:PORT</c>.</summary>
internal sealed record CameraEndpoint(string Name, string Host, int Port)
{
    /// <summary>Parses NAME=HOST:PORT (an IPv6 host in brackets: NAME=[::1]:9999); on failure says why.</summary>
    public static bool TryParse(string text, out CameraEndpoint? camera, out string? error)
    {
        camera = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? "" : text[..equals];
        if (equals < 0 || !CameraName.IsValid(name))
        {
            error = equals < 0
                ? $"--camera '{text}' is not NAME=HOST:PORT"
                : $"--camera '{text}': the name must be {CameraName.Rule}";
            return false;
        }
        var address = text[(equals + 1)..];
        var colon = address.LastIndexOf(':');
        var host = colon < 0 ? "" : address[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        if (colon < 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            error = $"--camera '{text}': '{address}' is not HOST:PORT";
            return false;
        }
        if (!int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"--camera '{text}': the port must be between 1 and 65535";
            return false;
        }
        camera = new CameraEndpoint(name, host, port);
        error = null;
        return true;
    }

    /// <summary>Every value parsed, or the first problem: a bad value, or a name given twice (names are folders).</summary>
    public static bool TryParseAll(IEnumerable<string> values, out List<CameraEndpoint> cameras, out string? error)
    {
        cameras = [];
        foreach (var value in values)
        {
            if (!TryParse(value, out var camera, out error))
            {
                return false;
            }
            // Case-insensitively: on a case-insensitive file system "Door" and "door" would share a folder.
            if (cameras.Any(c => string.Equals(c.Name, camera!.Name, StringComparison.OrdinalIgnoreCase)))
            {
                error = $"--camera: the name '{camera!.Name}' is given twice";
                return false;
            }
            cameras.Add(camera!);
        }
        error = null;
        return true;
    }
}
