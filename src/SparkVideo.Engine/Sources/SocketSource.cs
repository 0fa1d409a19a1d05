using System.Net;
using System.Net.Sockets;

namespace SparkVideo.Engine.Sources;

/// <summary>
/// Reads text lines from a TCP server on a background thread into a bounded buffer. Unlike Spark's socket source it
/// waits for the server to come up and reconnects after it goes away (exponential backoff 100 ms to 5 s), writing one
/// log line per series of attempts. Data is not replayable: lines taken by a batch that then fails are lost.
/// </summary>
internal sealed class SocketSource : IDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly SocketSourceOptions _options;
    private readonly TextWriter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _socketLock = new();
    private Thread? _thread;
    private Socket? _socket;
    private long _droppedLines;
    private int _connections;

    /// <param name="dataArrived">Set whenever a line is buffered (see <see cref="BoundedLineBuffer"/>).</param>
    public SocketSource(SocketSourceOptions options, TextWriter log, EventWaitHandle? dataArrived = null)
    {
        _options = options;
        _log = log;
        Buffer = new BoundedLineBuffer(options.MaxBufferedLines, options.MaxBufferedBytes, dataArrived);
    }

    public BoundedLineBuffer Buffer { get; }

    public long DroppedLines => Interlocked.Read(ref _droppedLines);

    public string Endpoint => $"{_options.Host}:{_options.Port}";

    public void Start()
    {
        _thread = new Thread(ReadLoop) { IsBackground = true, Name = $"socket source {Endpoint}" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        lock (_socketLock)
        {
            _socket?.Dispose();
        }
        _thread?.Join();
        _stop.Dispose();
    }

    private void ReadLoop()
    {
        CancellationToken token = _stop.Token;
        var splitter = new LineSplitter(_options.MaxLineBytes,
            (line, bytes) => Buffer.Add(new ReceivedLine(line, bytes), token),
            ReportDropped);
        byte[] chunk = new byte[64 * 1024];
        TimeSpan backoff = FirstBackoff;
        int failedAttempts = 0;
        try
        {
            while (!token.IsCancellationRequested)
            {
                Socket? socket = TryConnect(token, out string? error);
                if (socket is null)
                {
                    if (failedAttempts++ == 0)
                    {
                        Log($"socket source: cannot connect to {Endpoint} ({error}); " +
                            $"retrying with backoff {FirstBackoff.TotalMilliseconds:0} ms to {MaxBackoff.TotalSeconds:0} s");
                    }
                    token.WaitHandle.WaitOne(backoff);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    continue;
                }
                if (Interlocked.Increment(ref _connections) > 1 || failedAttempts > 0)
                {
                    Log($"socket source: connected to {Endpoint} after {failedAttempts} failed attempt(s)");
                }
                failedAttempts = 0;
                backoff = FirstBackoff;
                string why = ReadUntilClosed(socket, splitter, chunk, token);
                splitter.Flush();
                if (token.IsCancellationRequested)
                {
                    return;
                }
                Log($"socket source: {Endpoint} {why}; reconnecting");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Socket? TryConnect(CancellationToken token, out string? error)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        lock (_socketLock)
        {
            if (token.IsCancellationRequested)
            {
                socket.Dispose();
                throw new OperationCanceledException(token);
            }
            _socket = socket;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            IPAddress[] addresses = Dns.GetHostAddressesAsync(_options.Host, timeout.Token).GetAwaiter().GetResult();
            // A blocking connect, cut short by closing the socket. After an asynchronous connect .NET keeps the socket
            // non-blocking for good on Linux, and every read then waited on the runtime's epoll thread to be woken.
            using (timeout.Token.Register(socket.Dispose))
            {
                socket.Connect(addresses, _options.Port);
            }
            timeout.Token.ThrowIfCancellationRequested(); // the time ran out as the connect returned: the socket is closed
            error = null;
            return socket;
        }
        // ObjectDisposedException: Dispose or the time limit closed the registered socket before or during the connect.
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException or ObjectDisposedException)
        {
            socket.Dispose();
            token.ThrowIfCancellationRequested();
            error = timeout.IsCancellationRequested ? "timed out" : e.Message;
            return null;
        }
    }

    /// <summary>Reads until the peer closes or the connection breaks; returns why it ended.</summary>
    private static string ReadUntilClosed(Socket socket, LineSplitter splitter, byte[] chunk, CancellationToken token)
    {
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: true);
            while (true)
            {
                int read = stream.Read(chunk, 0, chunk.Length);
                if (read == 0)
                {
                    return "closed the connection";
                }
                splitter.Feed(chunk.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            token.ThrowIfCancellationRequested();
            return $"connection broke ({e.Message})";
        }
    }

    private void ReportDropped(long bytes)
    {
        Interlocked.Increment(ref _droppedLines);
        Log($"socket source: dropped a line of {bytes} bytes over the maxLineBytes cap ({_options.MaxLineBytes})");
    }

    private void Log(string line)
    {
        lock (_log)
        {
            _log.WriteLine(line);
            _log.Flush();
        }
    }
}
