using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SparkVideo.CameraServer.Encoding;
using SparkVideo.CameraServer.Preview;
using SparkVideo.CameraServer.Sources;
using SparkVideo.CameraServer.Streaming;
using SparkVideo.CommandLine;
using SparkVideo.Frames;

namespace SparkVideo.CameraServer;

/// <summary>
/// Wires a run together: opens the source, listens, runs the capture thread and the accept loop, and shuts
/// everything down on a signal, at the end of a finite source, or once --max-frames frames were sent.
/// </summary>
internal static class CameraServerHost
{
    // Time consumers get to receive their last frame before their sockets are closed at shutdown.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    public static int Run(CameraServerOptions options, ServerLog log, CancellationToken stop)
    {
        IFrameSource source;
        var counters = new SourceCounters();
        try
        {
            source = FrameSourceFactory.Open(options, log, counters);
        }
        catch (FrameSourceException e)
        {
            log.Error(e.Message);
            return ExitCodes.RuntimeError;
        }

        using (source)
        {
            return Serve(source, counters, options, log, stop);
        }
    }

    private static int Serve(IFrameSource source, SourceCounters counters, CameraServerOptions options, ServerLog log, CancellationToken stop)
    {
        var mailbox = new LatestFrameMailbox();
        var budget = new SendBudget(options.MaxFrames);
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var server = new FrameServer(options, mailbox, budget, counters, log);
        server.BudgetSpent += () =>
        {
            log.Info($"Sent {options.MaxFrames} {(options.MaxFrames == 1 ? "frame" : "frames")} in total (--max-frames), stopping.");
            shutdown.Cancel();
        };

        IPEndPoint endpoint;
        try
        {
            endpoint = server.Start();
        }
        catch (SocketException e)
        {
            log.Error(DescribeListenFailure(options, e));
            return ExitCodes.RuntimeError;
        }
        CameraPreviewServer? preview;
        try
        {
            preview = StartPreview(options, log);
        }
        catch (IOException e)
        {
            log.Error($"cannot serve the preview on {options.PreviewHost}:{options.PreviewPort}: {e.Message}");
            return ExitCodes.RuntimeError;
        }
        try
        {
            return Stream(source, options, log, mailbox, server, endpoint, preview, shutdown);
        }
        finally
        {
            preview?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The line that says a looped file's frames now come from memory; tests look for its start.</summary>
    public const string ReplayStartedPrefix = "Replaying the file's first pass from memory:";

    private static string ReplayStartedLine(int frames, long bytes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ReplayStartedPrefix} {frames} frames, {bytes / (1024.0 * 1024.0):0.0} MiB (--replay-cache-mib 0 decodes every pass)");

    private static int Stream(IFrameSource source, CameraServerOptions options, ServerLog log, LatestFrameMailbox mailbox, FrameServer server,
        IPEndPoint endpoint, CameraPreviewServer? preview, CancellationTokenSource shutdown)
    {
        using var encoder = new FrameEncoder(options.Width, options.Height, options.JpegQuality);
        encoder.WarmUp();
        PrintBanner(log, source, options, endpoint);

        var replay = source is VideoFileFrameSource file && options.Loop && options.ReplayCacheMiB > 0
            ? new LoopReplay(() => file.PassesCompleted, options.ReplayCacheMiB * 1024L * 1024L)
            : null;
        var capture = new CaptureLoop(source, encoder, mailbox, options.Fps, preview?.Frames, replay,
            started => log.Info(ReplayStartedLine(started.Frames, started.Bytes)));
        FrameSourceException? failure = null;
        var captureThread = new Thread(() =>
        {
            try
            {
                capture.Run(shutdown.Token);
                if (!shutdown.IsCancellationRequested)
                {
                    log.Info($"End of source after {capture.FramesPublished} frames, stopping.");
                }
            }
            catch (FrameSourceException e)
            {
                failure = e;
            }
            finally
            {
                shutdown.Cancel();
            }
        })
        { Name = "capture" };
        captureThread.Start();
        var accepting = server.AcceptConsumersAsync(shutdown.Token);

        shutdown.Token.WaitHandle.WaitOne();
        mailbox.Complete();
        server.Stop(StopGrace);
        accepting.Wait();
        captureThread.Join();

        if (failure is not null)
        {
            log.Error(failure.Message);
            return ExitCodes.RuntimeError;
        }
        log.Info("Stopped.");
        return ExitCodes.Success;
    }

    /// <summary>The MJPEG preview, when --preview-port is given; prints its address.</summary>
    private static CameraPreviewServer? StartPreview(CameraServerOptions options, ServerLog log)
    {
        if (options.PreviewPort is not { } port)
        {
            return null;
        }
        var preview = CameraPreviewServer.StartAsync(options.PreviewAddress, port).GetAwaiter().GetResult();
        if (!IPAddress.IsLoopback(options.PreviewAddress))
        {
            log.Info($"  warning: the preview listens on {options.PreviewHost}; the video is reachable from the network");
        }
        log.Info(ProgramLines.Preview(preview.StreamUrl));
        return preview;
    }

    private static void PrintBanner(ServerLog log, IFrameSource source, CameraServerOptions options, IPEndPoint endpoint)
    {
        log.Info("CameraServer");
        log.Info($"  source:  {source.Description}{(options.SourceOrigin.Length > 0 ? $" ({options.SourceOrigin})" : "")}");
        log.Info($"  frames:  {options.Width}x{options.Height} JPEG quality {options.JpegQuality}");
        log.Info($"  rate:    {CameraServerCommand.DescribeRate(options.Fps)}" +
                 (options.MaxFrames is { } max ? $", stop after {max} frames" : ""));
        log.Info($"  address: {endpoint} (at most {options.MaxConsumers} consumer{(options.MaxConsumers == 1 ? "" : "s")})");
        if (IPAddress.Any.Equals(endpoint.Address) || IPAddress.IPv6Any.Equals(endpoint.Address))
        {
            log.Info("  warning: listening on all interfaces; the stream is reachable from the network");
        }
        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            log.Info(options.Allow.Count == 0
                ? "  allow:   loopback only (name the job's machines with --allow CIDR)"
                : $"  allow:   {string.Join(", ", options.Allow)}");
        }
        log.Info(ProgramLines.Listening(endpoint.ToString()));
        log.Info(ProgramLines.WaitingForConnection);
    }

    private static string DescribeListenFailure(CameraServerOptions options, SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => $"port {options.Port} is already in use on {options.Host}",
        SocketError.AddressNotAvailable => $"cannot listen on {options.Host}: address not available on this machine",
        SocketError.AccessDenied => $"permission denied to listen on {options.Host}:{options.Port}",
        _ => $"cannot listen on {options.Host}:{options.Port}: {e.Message}",
    };
}
