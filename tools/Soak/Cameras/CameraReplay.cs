using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SparkVideo.Frames;
using SparkVideo.Soak.Input;

namespace SparkVideo.Soak.Cameras;

/// <summary>
/// Plays one camera server on a loopback port: the sample video's frames, looped, stamped with the time they are
/// sent, at a fixed rate against an absolute schedule. Every frame is sent (a job that reads slowly holds the replay
/// back through TCP, and the frames it falls behind are counted as late, not dropped), so a frame that does not
/// become a file was lost by the job. A job that reconnects is served again.
/// </summary>
public sealed class CameraReplay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly SampleVideo _video;
    private readonly double _fps;
    private readonly int _offset;
    private long _sent;
    private long _connections;

    public CameraReplay(string name, SampleVideo video, double fps, int offset)
    {
        Name = name;
        _video = video;
        _fps = fps;
        _offset = offset;
        _listener.Start();
    }

    public string Name { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long Sent => Interlocked.Read(ref _sent);

    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Frames the schedule wanted sent by now but that are not yet (the job read too slowly).</summary>
    public long Late(TimeSpan elapsed) => Math.Max(0, (long)(elapsed.TotalSeconds * _fps) - Sent);

    /// <summary>Serves connection after connection until cancelled.</summary>
    public void Run(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        while (!cancellation.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClientAsync(cancellation).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                return; // cancelled, or the listener was stopped
            }
            Interlocked.Increment(ref _connections);
            using (client)
            {
                try
                {
                    Stream(client.GetStream(), clock, cancellation);
                }
                catch (IOException)
                {
                    // The job went away: wait for it to come back.
                }
            }
        }
    }

    public void Dispose() => _listener.Stop();

    private void Stream(NetworkStream stream, Stopwatch clock, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var next = Sent + 1;
            var due = TimeSpan.FromSeconds(next / _fps) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                cancellation.WaitHandle.WaitOne(due);
                continue;
            }
            var index = (int)((_offset + next) % _video.Base64.Count);
            var frame = new FrameMessage(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0, SampleVideo.Width, SampleVideo.Height, _video.Base64[index]);
            stream.Write(FrameLine.ToBytes(frame));
            Interlocked.Increment(ref _sent);
        }
    }
}
