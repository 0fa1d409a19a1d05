using System.Net;
using System.Net.Sockets;
using SparkVideo.CameraServer.Sources;
using SparkVideo.Frames;

namespace SparkVideo.CameraServer.Streaming;

/// <summary>
/// The TCP listener: admits up to --max-consumers concurrent consumers, each served by a
/// <see cref="ConsumerSession"/> on its own thread, and closes further connections at once. A connection from an
/// address outside --allow is closed before anything else, so it never holds a consumer slot.
/// </summary>
internal sealed class FrameServer(CameraServerOptions options, LatestFrameMailbox mailbox, SendBudget budget, SourceCounters counters, ServerLog log) : IDisposable
{
    // Small on purpose: data waiting in kernel buffers is latency. About three 640x480 JPEG lines.
    private const int SendBufferBytes = 128 * 1024;
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly TcpListener _listener = new(options.ListenEndpoint);
    private readonly TimeSpan _sendTimeout = TimeSpan.FromSeconds(options.SendTimeoutSeconds);
    private readonly Dictionary<ConsumerSession, Thread> _sessions = [];
    private readonly ConsumerAllowList _allowList = ConsumerAllowList.From(options.Allow);
    private long _refusedByAllowList;
    private volatile bool _stopping;

    /// <summary>Raised when --max-frames frames have been sent in total.</summary>
    public event Action? BudgetSpent;

    /// <summary>Binds and listens; returns the actual endpoint (the chosen port when --port 0).</summary>
    /// <exception cref="SocketException">The address is in use or not available.</exception>
    public IPEndPoint Start()
    {
        _listener.Start(backlog: 16);
        return (IPEndPoint)_listener.LocalEndpoint;
    }

    /// <summary>Accepts until cancelled; a failed accept (e.g. out of file descriptors) is logged and retried.</summary>
    public async Task AcceptConsumersAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException ||
                                      (e is SocketException && (_stopping || cancellation.IsCancellationRequested)))
            {
                return;
            }
            catch (SocketException e)
            {
                log.Error($"accepting a consumer failed: {e.SocketErrorCode}");
                cancellation.WaitHandle.WaitOne(AcceptRetryDelay);
                continue;
            }
            Admit(socket);
        }
    }

    private void Admit(Socket socket)
    {
        if (socket.RemoteEndPoint is not IPEndPoint remote || !_allowList.Allows(remote.Address))
        {
            var refused = Interlocked.Increment(ref _refusedByAllowList);
            log.Info($"Refused consumer {socket.RemoteEndPoint}: not in --allow {_allowList.Describe()} ({refused} refused so far)");
            socket.Dispose();
            return;
        }
        lock (_sessions)
        {
            // A session whose consumer has just gone is still finishing on its thread; its slot is free already.
            var serving = _sessions.Keys.Count(session => !session.HasDeparted);
            if (_stopping || serving >= options.MaxConsumers)
            {
                log.Info($"Refused consumer {socket.RemoteEndPoint}: already serving {serving} (--max-consumers {options.MaxConsumers})");
                socket.Dispose();
                return;
            }
            try
            {
                socket.NoDelay = true;
                socket.SendTimeout = (int)_sendTimeout.TotalMilliseconds;
                socket.SendBufferSize = SendBufferBytes;
            }
            catch (SocketException)
            {
                socket.Dispose(); // the consumer left before it was admitted
                return;
            }
            var session = new ConsumerSession(socket, mailbox.Subscribe(), budget, counters, log, _sendTimeout);
            session.BudgetSpent += () => BudgetSpent?.Invoke();
            var thread = new Thread(() => Serve(session)) { IsBackground = true, Name = "consumer " + session.Address };
            _sessions.Add(session, thread);
            log.Info($"Consumer connected: {session.Address}");
            log.Info($"Streaming at {CameraServerCommand.DescribeRate(options.Fps)}...");
            thread.Start();
        }
    }

    private void Serve(ConsumerSession session)
    {
        var summary = session.Run();
        lock (_sessions)
        {
            // Logged after the slot is free, so a consumer reacting to this line is admitted.
            _sessions.Remove(session);
            log.Info(summary);
            if (_sessions.Count == 0 && !_stopping)
            {
                log.Info(ProgramLines.WaitingForConnection);
            }
        }
    }

    /// <summary>
    /// Stops accepting, lets sessions deliver their last frame and close within <paramref name="grace"/>,
    /// then aborts the ones still blocked on a consumer that does not read.
    /// </summary>
    public void Stop(TimeSpan grace)
    {
        _stopping = true;
        _listener.Stop();
        KeyValuePair<ConsumerSession, Thread>[] running;
        lock (_sessions)
        {
            running = [.. _sessions];
        }
        var deadline = Environment.TickCount64 + (long)grace.TotalMilliseconds;
        foreach (var (session, thread) in running)
        {
            if (!thread.Join(TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64))))
            {
                session.Abort();
                thread.Join();
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
