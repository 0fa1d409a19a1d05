using System.Globalization;
using System.Net;

namespace SparkVideo.Reliability.Tests.Support;

/// <summary>
/// The TCP sockets a process holds, found the way <c>ss -p</c> does: the socket inodes among its open file
/// descriptors, looked up in /proc/net/tcp and /proc/net/tcp6.
/// </summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    /// <summary>The local endpoints the process listens on.</summary>
    public static IReadOnlyList<IPEndPoint> Of(int pid) => TcpSockets(pid).Where(s => s.State == ListenState).Select(s => s.Local).ToList();

    /// <summary>Every TCP socket of the process: its state (hex, as the kernel writes it), local and remote endpoints.</summary>
    public static IReadOnlyList<(string State, IPEndPoint Local, IPEndPoint Remote)> TcpSockets(int pid)
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we looked.
            }
        }
        var sockets = new List<(string, IPEndPoint, IPEndPoint)>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cells.Length > 9 && inodes.Contains(cells[9]))
                {
                    sockets.Add((cells[3], Parse(cells[1]), Parse(cells[2])));
                }
            }
        }
        return sockets;
    }

    /// <summary>"0100007F:270F" (address bytes in host order per 32-bit word, port in hex) to 127.0.0.1:9999.</summary>
    private static IPEndPoint Parse(string cell)
    {
        var parts = cell.Split(':');
        var hex = parts[0];
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            for (var b = 0; b < 4; b++)
            {
                bytes[word * 4 + b] = byte.Parse(hex.AsSpan(word * 8 + (3 - b) * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
        var address = new IPAddress(bytes);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return new IPEndPoint(address, int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
