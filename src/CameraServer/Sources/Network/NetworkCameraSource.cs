using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SparkVideo.CameraServer.Sources.Network;

/// <summary>
/// A network camera (RTSP or HTTP), read through ffmpeg on a thread of its own, that outlives its camera. The
/// reader keeps only the newest frame (one replaced before it was taken is stale, counted); when the stream ends,
/// fails or stalls past the read timeout it says so once (<c>Camera lost: ...; reconnecting</c>), retries with a
/// capped backoff and says when the camera is back. Meanwhile <see cref="TryRead"/> simply waits, so the consumers
/// stay connected and get the next frame when there is one. A camera that is not there at start is retried the same
/// way; only refused credentials end the source, with one line.
/// </summary>
internal sealed class NetworkCameraSource : IFrameSource
{
    private readonly CameraUrl _url;
    private readonly NetworkCameraSettings _settings;
    private readonly string _ffmpeg;
    private readonly ServerLog _log;
    private readonly SourceCounters _counters;
    private readonly Thread _reader;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();

    // Three frame buffers: the reader fills one, the newest waits in another, the capture loop copies out of the third.
    private byte[] _reading;
    private byte[] _newest;
    private byte[] _taking;
    private long _published;
    private long _taken;
    private string? _fatal;
    private FfmpegConnection? _connection;

    public NetworkCameraSource(CameraUrl url, NetworkCameraSettings settings, string ffmpeg, ServerLog log, SourceCounters counters)
    {
        _url = url;
        _settings = settings;
        _ffmpeg = ffmpeg;
        _log = log;
        _counters = counters;
        _reading = new byte[settings.FrameBytes];
        _newest = new byte[settings.FrameBytes];
        _taking = new byte[settings.FrameBytes];
        var transport = url.IsRtsp ? $"RTSP over {settings.RtspTransport.ToUpperInvariant()}" : url.Scheme.ToUpperInvariant();
        Description = $"network camera {url} ({transport} through ffmpeg, connect timeout {Seconds(settings.ConnectTimeout)} s, " +
                      $"read timeout {Seconds(settings.ReadTimeout)} s)";
        _reader = new Thread(ReadUntilStopped) { IsBackground = true, Name = "network camera" };
        _reader.Start();
    }

    public string Description { get; }

    public bool IsLive => true;

    /// <summary>Waits for a frame newer than the last one taken; false once cancelled.</summary>
    /// <exception cref="FrameSourceException">The camera refused the credentials.</exception>
    public bool TryRead(Mat frame, CancellationToken cancellation)
    {
        using var wake = cancellation.Register(WakeReaders);
        lock (_gate)
        {
            while (_published == _taken && _fatal is null && !cancellation.IsCancellationRequested)
            {
                Monitor.Wait(_gate);
            }
            if (_fatal is not null)
            {
                throw new FrameSourceException(_fatal);
            }
            if (cancellation.IsCancellationRequested)
            {
                return false;
            }
            _counters.StaleFrames(_published - _taken - 1);
            _taken = _published;
            (_taking, _newest) = (_newest, _taking);
        }
        frame.Create(_settings.Height, _settings.Width, MatType.CV_8UC3);
        Marshal.Copy(_taking, 0, frame.Data, _settings.FrameBytes);
        return true;
    }

    private void ReadUntilStopped()
    {
        try
        {
            ReadWithReconnects();
        }
        catch (FrameSourceException e)
        {
            Fail(e.Message); // ffmpeg could not be started: reported by the capture loop, as one line
        }
    }

    private void ReadWithReconnects()
    {
        var backoff = new ReconnectBackoff(_settings.MaxReconnectDelay);
        var everConnected = false;
        Stopwatch? lostFor = null;
        while (!_stopping.IsCancellationRequested)
        {
            string reason;
            using (var connection = Connect())
            {
                while (connection.TryReadFrame(_reading, connection.FramesRead == 0 ? _settings.ConnectTimeout : _settings.ReadTimeout))
                {
                    if (connection.FramesRead == 1)
                    {
                        backoff.Reset();
                        AnnounceConnected(everConnected, lostFor);
                        everConnected = true;
                        lostFor = null;
                    }
                    Publish();
                }
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }
                if (connection.CredentialsRefused)
                {
                    Fail($"camera {_url} refused the credentials: {connection.FailureReason}" +
                         (_url.HasCredentials ? "" : " (put them in the URL: rtsp://USER:PASSWORD@HOST/...)"));
                    return;
                }
                reason = connection.FailureReason;
            }
            if (lostFor is null)
            {
                lostFor = Stopwatch.StartNew();
                _counters.CameraLost();
                _log.Info($"Camera lost: {_url}: {reason}; reconnecting");
            }
            _stopping.Token.WaitHandle.WaitOne(backoff.Next());
        }
    }

    private FfmpegConnection Connect()
    {
        var connection = FfmpegConnection.Start(_ffmpeg, Ffmpeg.Arguments(_url, _settings));
        lock (_gate)
        {
            _connection = connection;
        }
        if (_stopping.IsCancellationRequested)
        {
            connection.Stop(); // Dispose raced with the start: stop at once rather than wait for a frame
        }
        return connection;
    }

    private void AnnounceConnected(bool everConnected, Stopwatch? lostFor)
    {
        if (!everConnected)
        {
            _log.Info($"Camera connected: {_url}");
        }
        else if (lostFor is not null)
        {
            _log.Info($"Camera back after {Seconds(lostFor.Elapsed)} s");
        }
    }

    private void Publish()
    {
        lock (_gate)
        {
            (_reading, _newest) = (_newest, _reading);
            _published++;
            Monitor.PulseAll(_gate);
        }
    }

    private void Fail(string message)
    {
        lock (_gate)
        {
            _fatal = message;
            Monitor.PulseAll(_gate);
        }
    }

    private void WakeReaders()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _stopping.Cancel();
        FfmpegConnection? current;
        lock (_gate)
        {
            current = _connection;
        }
        current?.Stop(); // ends a read in progress at once
        _reader.Join();
        _stopping.Dispose();
    }
}
