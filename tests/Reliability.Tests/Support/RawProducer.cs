using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SparkVideo.Reliability.Tests.Support;

/// <summary>
/// The test playing the camera server: a loopback TCP listener that hands out each connection the job makes,
/// so the test can write any raw bytes to it, cut it mid-line, or go away and come back on the same port.
/// </summary>
public sealed class RawProducer : IDisposable
{
    public static readonly TimeSpan AcceptTimeout = TimeSpan.FromSeconds(60);

    private TcpListener _listener;

    public RawProducer(int port = 0)
    {
        _listener = Listen(port);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Waits for the job to connect.</summary>
    public ProducerConnection Accept()
    {
        using var timeout = new CancellationTokenSource(AcceptTimeout);
        try
        {
            return new ProducerConnection(_listener.AcceptTcpClientAsync(timeout.Token).AsTask().GetAwaiter().GetResult());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the job did not connect to 127.0.0.1:{Port} within {AcceptTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Stops listening, as a killed server does: new connection attempts are refused.</summary>
    public void StopListening() => _listener.Stop();

    /// <summary>Listens again on the same port, as a restarted server does.</summary>
    public void Restart()
    {
        _listener.Stop();
        _listener = Listen(Port);
    }

    public void Dispose() => _listener.Stop();

    private static TcpListener Listen(int port)
    {
        var created = new TcpListener(IPAddress.Loopback, port);
        created.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        created.Start();
        return created;
    }
}

/// <summary>One connection from the job; writes block when the job stops reading (TCP flow control).</summary>
public sealed class ProducerConnection(TcpClient client) : IDisposable
{
    private readonly NetworkStream _stream = client.GetStream();

    /// <summary>Lines written that ended in "\n" (the count of complete lines sent).</summary>
    public int LinesSent { get; private set; }

    public void Send(byte[] bytes)
    {
        _stream.Write(bytes);
        LinesSent += bytes.AsSpan().Count((byte)'\n');
    }

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="count"/> copies of <paramref name="value"/> from one small reused buffer.</summary>
    public void SendRepeated(byte value, long count)
    {
        var chunk = new byte[256 * 1024];
        Array.Fill(chunk, value);
        for (var left = count; left > 0; left -= chunk.Length)
        {
            _stream.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
    }

    /// <summary>
    /// Closes the connection wherever the stream is, as the kernel does for a killed producer process
    /// (a FIN after the bytes already written, since the job never sends anything back).
    /// </summary>
    public void Cut() => client.Close();

    public void Dispose() => client.Dispose();
}
