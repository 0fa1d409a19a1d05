using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SparkVideo.Job.Tests;

/// <summary>A loopback server that sends the same lines to each consumer and keeps the connection open.</summary>
internal sealed class FixedLinesServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _payload;
    private readonly List<TcpClient> _clients = [];
    private readonly Task _accepting;

    public FixedLinesServer(IEnumerable<string> lines)
    {
        _payload = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                lock (_clients)
                {
                    _clients.Add(client);
                }
                await client.GetStream().WriteAsync(_payload);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _accepting.Wait(TimeSpan.FromSeconds(5));
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }
    }
}
