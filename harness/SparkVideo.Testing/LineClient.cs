using System.Net;
using System.Net.Sockets;

namespace SparkVideo.Testing;

/// <summary>
/// A TCP client on loopback that reads newline-terminated lines, refusing any line longer than a cap so a
/// broken server cannot exhaust the test's memory.
/// </summary>
public sealed class LineClient : IDisposable
{
    public const int DefaultMaxLineBytes = 8 * 1024 * 1024;

    private readonly Socket _socket;
    private readonly int _maxLineBytes;
    private readonly byte[] _chunk;
    private int _chunkStart;
    private int _chunkEnd;
    private byte[] _line = new byte[64 * 1024];
    private int _lineLength;

    private LineClient(Socket socket, int maxLineBytes, int chunkBytes)
    {
        _socket = socket;
        _maxLineBytes = maxLineBytes;
        _chunk = new byte[chunkBytes];
    }

    /// <summary>
    /// Connects to 127.0.0.1:<paramref name="port"/>. A small <paramref name="receiveBufferBytes"/> (set before
    /// connecting, so the TCP window stays small) makes a slow reader push back on the server quickly. A
    /// <paramref name="from"/> address (another loopback address such as 127.0.0.2) is bound before connecting, so
    /// the server sees the connection come from there; <paramref name="to"/> replaces 127.0.0.1 as the server's address.
    /// </summary>
    public static LineClient Connect(int port, int? receiveBufferBytes = null, int maxLineBytes = DefaultMaxLineBytes, TimeSpan? connectTimeout = null,
        IPAddress? from = null, IPAddress? to = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (from is not null)
            {
                socket.Bind(new IPEndPoint(from, 0));
            }
            if (receiveBufferBytes is { } size)
            {
                socket.ReceiveBufferSize = size;
            }
            using var timeout = new CancellationTokenSource(connectTimeout ?? TimeSpan.FromSeconds(5));
            socket.ConnectAsync(new IPEndPoint(to ?? IPAddress.Loopback, port), timeout.Token).AsTask().GetAwaiter().GetResult();
            return new LineClient(socket, maxLineBytes, Math.Min(64 * 1024, receiveBufferBytes ?? 64 * 1024));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public int LocalPort => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>
    /// The next line without its newline, or null once the server has closed the connection (end of stream or
    /// reset). Throws <see cref="TimeoutException"/> when no complete line arrives in time and
    /// <see cref="InvalidDataException"/> for a line over the cap.
    /// </summary>
    public string? ReadLine(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var newline = Array.IndexOf(_chunk, (byte)'\n', _chunkStart, _chunkEnd - _chunkStart);
            var take = (newline < 0 ? _chunkEnd : newline) - _chunkStart;
            AppendToLine(take);
            if (newline >= 0)
            {
                _chunkStart = newline + 1;
                var text = System.Text.Encoding.UTF8.GetString(_line, 0, _lineLength).TrimEnd('\r');
                _lineLength = 0;
                return text;
            }
            _chunkStart = _chunkEnd = 0;
            var received = Receive(deadline, timeout);
            if (received == 0)
            {
                return null;
            }
            _chunkEnd = received;
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> lines; throws if the connection closes first.</summary>
    public IReadOnlyList<string> ReadLines(int count, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var lines = new List<string>(count);
        while (lines.Count < count)
        {
            var remaining = TimeSpan.FromMilliseconds(Math.Max(1, deadline - Environment.TickCount64));
            lines.Add(ReadLine(remaining) ?? throw new IOException($"connection closed after {lines.Count} of {count} lines"));
        }
        return lines;
    }

    /// <summary>Reads and discards until the server closes; true when it closed within the timeout.</summary>
    public bool WaitForClose(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        try
        {
            while (Receive(deadline, timeout) > 0)
            {
            }
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();

    private void AppendToLine(int count)
    {
        if (_lineLength + count > _maxLineBytes)
        {
            throw new InvalidDataException($"line longer than {_maxLineBytes} bytes");
        }
        if (_lineLength + count > _line.Length)
        {
            Array.Resize(ref _line, Math.Min(_maxLineBytes, Math.Max(_line.Length * 2, _lineLength + count)));
        }
        Buffer.BlockCopy(_chunk, _chunkStart, _line, _lineLength, count);
        _lineLength += count;
    }

    /// <summary>One receive into the chunk buffer; 0 when the peer closed or reset the connection.</summary>
    private int Receive(long deadline, TimeSpan timeout)
    {
        var remaining = deadline - Environment.TickCount64;
        if (remaining <= 0)
        {
            throw new TimeoutException($"no complete line within {timeout.TotalSeconds:0.#} s");
        }
        _socket.ReceiveTimeout = (int)remaining;
        try
        {
            return _socket.Receive(_chunk);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            throw new TimeoutException($"no complete line within {timeout.TotalSeconds:0.#} s", e);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return 0;
        }
    }
}
