using System.Net;
using System.Net.Sockets;

namespace SparkVideo.Engine.Tests.Support;

/// <summary>
/// A loopback listener whose accept queue is full: it never accepts, so the next connection request gets no answer
/// for a while (about a second here, until a retried request is answered), as a host that is down gives none.
/// </summary>
internal sealed class FullListener : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _queued = [];

    public FullListener()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        while (true)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            _queued.Add(client);
            try
            {
                client.Connect(_listener.LocalEndPoint!);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
            }
            // On loopback a request with room in the queue is answered at once (writable within microseconds).
            if (!client.Poll(TimeSpan.FromMilliseconds(500), SelectMode.SelectWrite))
            {
                // This one waits: the queue is full. Withdrawn, so that the next request to wait is the test's.
                _queued.Remove(client);
                client.Dispose();
                return;
            }
            if (_queued.Count > 20)
            {
                throw new InvalidOperationException("the listener's accept queue never filled");
            }
        }
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public void Dispose()
    {
        _queued.ForEach(s => s.Dispose());
        _listener.Dispose();
    }
}
