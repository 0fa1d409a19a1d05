using System.Diagnostics;
using System.Net.Sockets;
using SparkVideo.Frames;
using SparkVideo.PipelineBench.Pipeline;

namespace SparkVideo.PipelineBench.Temporal;

/// <summary>
/// A camera in the bench's process that plays a fixed clip once: it listens on a free loopback port, serves one
/// consumer, and sends each JPEG as a JSON line at a fixed rate, stamped with the time it is sent, as the camera
/// server does. Nothing is dropped: the clip is short and the job reads as fast as it comes.
/// </summary>
public sealed class ClipCamera : IDisposable
{
    private readonly IReadOnlyList<byte[]> _jpegs;
    private readonly int _width, _height;
    private readonly TimeSpan _interval;
    private readonly OneConsumerListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _sent;

    public ClipCamera(IReadOnlyList<byte[]> jpegs, int width, int height, double fps)
    {
        (_jpegs, _width, _height, _interval) = (jpegs, width, height, TimeSpan.FromSeconds(1 / fps));
        _thread = new Thread(Run) { IsBackground = true, Name = $"clip camera {Port}" };
        _thread.Start();
    }

    public int Port => _listener.Port;

    public long Sent => Interlocked.Read(ref _sent);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        try
        {
            using var socket = _listener.AcceptOne(_stop.Token);
            var clock = Stopwatch.StartNew();
            for (var k = 0; k < _jpegs.Count && !_stop.IsCancellationRequested; k++)
            {
                var wait = (_interval * k) - clock.Elapsed;
                if (wait > TimeSpan.Zero && _stop.Token.WaitHandle.WaitOne(wait))
                {
                    return;
                }
                var timestamp = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
                socket.Send(FrameLine.ToBytes(FrameCodec.FromJpeg(timestamp, _width, _height, _jpegs[k])));
                Interlocked.Increment(ref _sent);
            }
            // Held open until the run ends: a closed socket would make the job reconnect.
            _stop.Token.WaitHandle.WaitOne();
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The consumer went away or the run is over.
        }
    }
}
