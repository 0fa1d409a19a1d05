using System.Net;
using System.Net.Sockets;

namespace SparkVideo.ChildProcesses;

/// <summary>Loopback ports. Prefer letting a server bind port 0 and report it; this is for when that is not possible.</summary>
public static class FreePort
{
    /// <summary>A port that was free a moment ago (another process may take it before you do).</summary>
    public static int Get()
    {
        using var listener = Occupy();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A started listener on a free loopback port, to hold a port busy; dispose it to free the port.</summary>
    public static TcpListener Occupy()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    public static int PortOf(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>
    /// The first port from <paramref name="start"/> that can be bound now, trying <paramref name="attempts"/> ports as a
    /// server that moves on when its port is taken would; <paramref name="start"/> itself when none can.
    /// </summary>
    public static int FirstFrom(int start, int attempts)
    {
        for (var port = start; port < start + attempts && port <= IPEndPoint.MaxPort; port++)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }
        return start;
    }
}
