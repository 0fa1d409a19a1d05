using System.Net;
using System.Net.Sockets;

namespace SparkVideo.Demo;

/// <summary>Finds the live view's port before the job starts, so the demo can print the address first.</summary>
public static class FreeLoopbackPort
{
    /// <summary>The first port from <paramref name="start"/> that can be bound now; <paramref name="start"/> itself when none can (the job then tries on).</summary>
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
                // Taken: try the next one, as the job would.
            }
        }
        return start;
    }
}
