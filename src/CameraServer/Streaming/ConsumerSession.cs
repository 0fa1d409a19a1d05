using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using SparkVideo.CameraServer.Sources;

namespace SparkVideo.CameraServer.Streaming;

/// <summary>
/// Streams the newest frames to one consumer on its own thread. Sends block (the socket has a send timeout),
/// so a slow consumer only makes this session skip frames; it never delays capture or other consumers.
/// A read is kept pending on the socket the whole time: consumers send nothing, so its end (0 bytes: the
/// consumer closed or half-closed its side, or an error) means the consumer has gone, and the session ends at
/// once instead of at its next failed send, freeing its slot for the next consumer.
/// </summary>
internal sealed class ConsumerSession(Socket socket, LatestFrameMailbox.Reader reader, SendBudget budget, SourceCounters counters, ServerLog log,
    TimeSpan sendTimeout)
{
    private const int ProgressEvery = 10;
    private const string StreamEnded = "stream ended";
    private const string BudgetReached = "--max-frames reached";
    private const string ClosedByConsumer = "connection closed by consumer";
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(1);

    private Task _departure = Task.CompletedTask;
    private int _departed;

    public string Address { get; } = socket.RemoteEndPoint?.ToString() ?? "unknown";

    /// <summary>
    /// True once the consumer has gone. Besides the pending read's end, polls the socket: a consumer that
    /// closed just before the next one connected is seen as gone even before the pending read has completed.
    /// </summary>
    public bool HasDeparted
    {
        get
        {
            if (Volatile.Read(ref _departed) == 1)
            {
                return true;
            }
            try
            {
                if (socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0)
                {
                    MarkDeparted();
                    return true;
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                MarkDeparted();
                return true;
            }
            return false;
        }
    }

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
            _departure = WatchForDepartureAsync();
            using (reader)
            {
                while (reader.TryTakeNewest(out var frame, out var skipped))
                {
                    dropped += skipped;
                    if (!budget.TryReserve())
                    {
                        frame.Release();
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
                    finally
                    {
                        frame.Release();
                    }
                    sent++;
                    if (sent % ProgressEvery == 0)
                    {
                        log.Info(ProgressLine(sent, dropped));
                    }
                    if (budget.MarkSent())
                    {
                        reason = BudgetReached;
                        BudgetSpent?.Invoke();
                        break;
                    }
                }
            }
            if (reason is StreamEnded && Volatile.Read(ref _departed) == 1)
            {
                reason = ClosedByConsumer;
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
        return $"Consumer disconnected: {Address} (sent {sent} {(sent == 1 ? "frame" : "frames")}, dropped {dropped}; {reason})";
    }

    /// <summary>"Sent N frames (dropped D)", with "; camera lost L times, S stale frames" inside the parentheses for a network camera.</summary>
    private string ProgressLine(long sent, long dropped) =>
        counters.Describe() is { } camera ? $"Sent {sent} frames (dropped {dropped}; {camera})" : $"Sent {sent} frames (dropped {dropped})";

    /// <summary>Unblocks a send in progress (shutdown of a consumer that does not read).</summary>
    public void Abort() => socket.Dispose();

    private async Task WatchForDepartureAsync()
    {
        var scratch = new byte[1024];
        try
        {
            while (await socket.ReceiveAsync(scratch, SocketFlags.None).ConfigureAwait(false) > 0)
            {
                // Consumers send nothing we use; whatever comes is discarded.
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset, or our own dispose at the end of the session: either way nobody is left to serve.
        }
        MarkDeparted();
    }

    private void MarkDeparted()
    {
        if (Interlocked.Exchange(ref _departed, 1) == 0)
        {
            reader.Cancel();
        }
    }

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
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            return; // the consumer already reset: nothing more to deliver
        }
        // The pending read ends when the consumer closes; past the grace period we close anyway.
        _departure.Wait(CloseGrace);
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
