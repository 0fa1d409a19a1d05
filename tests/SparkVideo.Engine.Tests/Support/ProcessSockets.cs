using System.Globalization;

namespace SparkVideo.Engine.Tests.Support;

/// <summary>This process's TCP sockets as Linux lists them in /proc: which descriptor holds a connection, and its flags.</summary>
internal static class ProcessSockets
{
    private const int NonBlockingFlag = 0x800; // O_NONBLOCK, 04000 octal
    private const string SynSent = "02";

    /// <summary>Whether the socket connected from <paramref name="localPort"/> to <paramref name="remotePort"/> is in non-blocking mode.</summary>
    public static bool IsNonBlocking(int localPort, int remotePort)
    {
        string inode = Connection(localPort, remotePort)[9];
        foreach (string fd in Directory.GetFiles("/proc/self/fd"))
        {
            if (new FileInfo(fd).LinkTarget == $"socket:[{inode}]")
            {
                string flags = File.ReadLines($"/proc/self/fdinfo/{Path.GetFileName(fd)}").First(l => l.StartsWith("flags:", StringComparison.Ordinal));
                return (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & NonBlockingFlag) != 0;
            }
        }
        throw new InvalidOperationException($"no descriptor of this process holds socket {inode}");
    }

    /// <summary>Bytes received on the connection from <paramref name="localPort"/> to <paramref name="remotePort"/> and not yet read.</summary>
    public static long UnreadBytes(int localPort, int remotePort)
    {
        string queues = Connection(localPort, remotePort)[4];
        return long.Parse(queues[(queues.IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture); // "tx_queue:rx_queue"
    }

    /// <summary>How many of the machine's TCP sockets are sending a connection request (SYN_SENT) to <paramref name="remotePort"/>.</summary>
    public static int Connecting(int remotePort)
    {
        string remote = PortSuffix(remotePort);
        return Connections().Count(columns => columns[2].EndsWith(remote, StringComparison.Ordinal) && columns[3] == SynSent);
    }

    /// <summary>The line of the connection from <paramref name="localPort"/> to <paramref name="remotePort"/>, in columns.</summary>
    private static string[] Connection(int localPort, int remotePort)
    {
        (string local, string remote) = (PortSuffix(localPort), PortSuffix(remotePort));
        return Connections().FirstOrDefault(columns => columns[1].EndsWith(local, StringComparison.Ordinal) && columns[2].EndsWith(remote, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no TCP socket from port {localPort} to {remotePort} in /proc/net");
    }

    /// <summary>Each line's columns: sl, local "ADDR:PORT" and remote address in hex, state, queues, ..., inode (the tenth).</summary>
    private static IEnumerable<string[]> Connections() =>
        new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .SelectMany(table => File.ReadLines(table).Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string PortSuffix(int port) => ":" + port.ToString("X4", CultureInfo.InvariantCulture);
}
