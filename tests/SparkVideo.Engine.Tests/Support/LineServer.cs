using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SparkVideo.Engine.Tests.Support;

/// <summary>A real loopback TCP server that accepts connections one after another and writes lines to the current one.</summary>
internal sealed class LineServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _accepted = new(0);
    private readonly Thread _acceptThread;
    private TcpClient? _client;
    private volatile bool _disposed;

    public LineServer(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true };
        _acceptThread.Start();
    }

    public int Port { get; }

    /// <summary>The current connection's far end: the engine's own address and port.</summary>
    public IPEndPoint? ClientEndPoint
    {
        get
        {
            lock (_lock)
            {
                return (IPEndPoint?)_client?.Client.RemoteEndPoint;
            }
        }
    }

    /// <summary>A port nothing listens on right now (bound then released).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Waits until the engine has connected (again).</summary>
    public void WaitForConnection(TimeSpan? timeout = null)
    {
        if (!_accepted.Wait(timeout ?? TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The engine did not connect to the test server.");
        }
    }

    public void SendLines(IEnumerable<string> lines) => SendRaw(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));

    public void SendRaw(byte[] bytes)
    {
        NetworkStream stream;
        lock (_lock)
        {
            stream = (_client ?? throw new InvalidOperationException("No client connected")).GetStream();
        }
        stream.Write(bytes);
        stream.Flush();
    }

    /// <summary>Closes the current connection; the server keeps listening for the next one.</summary>
    public void DropClient()
    {
        lock (_lock)
        {
            _client?.Dispose();
            _client = null;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _listener.Stop();
        DropClient();
        _acceptThread.Join(TimeSpan.FromSeconds(5));
        _accepted.Dispose();
    }

    private void AcceptLoop()
    {
        while (!_disposed)
        {
            try
            {
                TcpClient client = _listener.AcceptTcpClient();
                lock (_lock)
                {
                    _client?.Dispose();
                    _client = client;
                }
                _accepted.Release();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
