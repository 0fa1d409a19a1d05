using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace CameraServer.Streaming;

/// <summary>
/// Streams the newest frames to one consumer on its own thread. Sends block (the socket has a send timeout),
/// so a slow consumer only makes this session skip frames; it never delays capture or other consumers.
/// </summary>
internal sealed class ConsumerSession(Socket socket, LatestFrameMailbox.Reader reader, SendBudget budget, ServerLog log, TimeSpan sendTimeout)
{
    private const int ProgressEvery = 10;
    private const string StreamEnded = "stream ended";
    private const string BudgetReached = "--max-frames reached";
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(1);

    public string Address { get; } = socket.RemoteEndPoint?.ToString() ?? "unknown";

    /// <summary>Raised once, by the session that sent the last frame allowed by --max-frames.</summary>
    public event Action? BudgetSpent;

    /// <summary>
    /// Streams until the consumer leaves, the stream ends or the budget is spent; disposes the socket and the
    /// reader, and returns the one-line summary to log once the consumer's slot is free.
    /// </summary>
    public string Run()
    {
        long sent = 0;
        long dropped = 0;
        var reason = StreamEnded;
        try
        {
            using (reader)
            {
                while (reader.TryTakeNewest(out var frame, out var skipped))
                {
                    dropped += skipped;
                    if (!budget.TryReserve())
                    {
                        continue;
                    }
                    var sending = Stopwatch.StartNew();
                    try
                    {
                        SendAll(frame.Line);
                    }
                    catch (SocketException e)
                    {
                        budget.Release();
                        reason = Describe(e, sending.Elapsed);
                        dropped += 1 + reader.Unseen; // the frame that failed and any published meanwhile
                        break;
                    }
                    sent++;
                    if (sent % ProgressEvery == 0)
                    {
                        log.Info($"Sent {sent} frames (dropped {dropped})");
                    }
                    if (budget.MarkSent())
                    {
                        reason = BudgetReached;
                        BudgetSpent?.Invoke();
                        break;
                    }
                }
            }
            if (reason is StreamEnded or BudgetReached)
            {
                CloseGracefully();
            }
        }
        catch (ObjectDisposedException)
        {
            reason = "server stopping";
        }
        finally
        {
            socket.Dispose();
        }
        return $"Consumer disconnected: {Address} (sent {sent} frames, dropped {dropped}; {reason})";
    }

    /// <summary>Unblocks a send in progress (shutdown of a consumer that does not read).</summary>
    public void Abort() => socket.Dispose();

    private void SendAll(ReadOnlySpan<byte> line)
    {
        while (!line.IsEmpty)
        {
            line = line[socket.Send(line)..];
        }
    }

    /// <summary>Sends FIN after the last frame and waits briefly for the consumer to close, so no queued data is lost to a reset.</summary>
    private void CloseGracefully()
    {
        var scratch = new byte[4096];
        var deadline = Environment.TickCount64 + (long)CloseGrace.TotalMilliseconds;
        try
        {
            socket.Shutdown(SocketShutdown.Send);
            socket.ReceiveTimeout = (int)CloseGrace.TotalMilliseconds;
            while (Environment.TickCount64 < deadline && socket.Receive(scratch) > 0)
            {
                // Discard anything the consumer sent; we only wait for its end of stream.
            }
        }
        catch (SocketException)
        {
            // The consumer reset or never closed within the grace period: nothing more to deliver.
        }
    }

    /// <summary>
    /// Linux may report a reset during a blocked send as ETIMEDOUT, so only a send that really lasted the
    /// send timeout is called a consumer that stopped reading.
    /// </summary>
    private string Describe(SocketException e, TimeSpan sendDuration) => e.SocketErrorCode switch
    {
        SocketError.TimedOut or SocketError.WouldBlock when sendDuration >= sendTimeout * 0.9 =>
            $"stopped reading for {sendTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
        SocketError.OperationAborted or SocketError.Interrupted => "server stopping",
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected
            or SocketError.TimedOut => "connection closed by consumer",
        _ => $"send failed: {e.SocketErrorCode}",
    };
}
