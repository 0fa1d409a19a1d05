using System.Net;
using System.Net.Sockets;

namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>
/// A bench camera's listening socket: a free loopback port that takes exactly one consumer (the job), waits for it
/// at most a minute, and stops listening once it is connected, so a reconnecting job would see the camera gone.
/// </summary>
public sealed class OneConsumerListener : IDisposable
{
    private static readonly TimeSpan AcceptTimeout = TimeSpan.FromSeconds(60);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public OneConsumerListener()
    {
        _listener.Start(1);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>The consumer's socket (no Nagle delay); throws OperationCanceledException on stop or timeout.</summary>
    public Socket AcceptOne(CancellationToken stop)
    {
        using var accept = CancellationTokenSource.CreateLinkedTokenSource(stop);
        accept.CancelAfter(AcceptTimeout);
        Socket socket = _listener.AcceptSocketAsync(accept.Token).AsTask().GetAwaiter().GetResult();
        _listener.Stop();
        socket.NoDelay = true;
        return socket;
    }

    public void Dispose() => _listener.Stop();
}
