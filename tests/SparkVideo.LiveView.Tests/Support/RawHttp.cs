using System.Net.Sockets;
using System.Text;

namespace SparkVideo.LiveView.Tests.Support;

/// <summary>
/// HTTP requests written byte for byte on a loopback socket: HttpClient and browsers resolve <c>/../</c> before
/// sending, so traversal attempts must be sent raw to reach the server as an attacker would send them.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends <c>GET target</c> and returns the response's status code.</summary>
    public static int StatusOf(int port, string target)
    {
        using var client = Open(port, target);
        return ReadStatus(client);
    }

    /// <summary>Sends <c>GET target</c> and leaves the connection open; the caller reads (or does not).</summary>
    public static TcpClient Open(int port, string target, int? receiveBufferBytes = null)
    {
        var client = new TcpClient();
        if (receiveBufferBytes is { } size)
        {
            client.ReceiveBufferSize = size;
        }
        client.Connect("127.0.0.1", port);
        client.ReceiveTimeout = 20_000;
        var request = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        client.GetStream().Write(Encoding.ASCII.GetBytes(request));
        return client;
    }

    /// <summary>Reads the status line ("HTTP/1.1 200 OK") byte by byte, leaving the rest unread.</summary>
    public static int ReadStatus(TcpClient client)
    {
        var stream = client.GetStream();
        var line = new StringBuilder();
        int b;
        while ((b = stream.ReadByte()) is not -1 and not '\n')
        {
            line.Append((char)b);
        }
        var parts = line.ToString().Split(' ');
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new InvalidDataException($"not an HTTP status line: '{line}'");
    }
}
