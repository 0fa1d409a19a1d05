using System.Net.Sockets;
using System.Text;

namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>
/// Viewers of the live view's MJPEG video, each a loopback socket reading as fast as frames come, as a browser
/// tab would; counts the frames they received.
/// </summary>
public sealed class MjpegViewers : IDisposable
{
    private static readonly byte[] PartHeader = "Content-Type: image/jpeg"u8.ToArray();

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private long _framesRead;
    private int _connected;

    private MjpegViewers()
    {
    }

    public long FramesRead => Interlocked.Read(ref _framesRead);

    public int Connected => Volatile.Read(ref _connected);

    public static MjpegViewers Start(int port, int count)
    {
        var viewers = new MjpegViewers();
        for (var i = 0; i < count; i++)
        {
            viewers._readers.Add(Task.Run(() => viewers.ReadAsync(port)));
        }
        return viewers;
    }

    private async Task ReadAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, _stop.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /stream.mjpg HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"), _stop.Token);
        Interlocked.Increment(ref _connected);
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }
                // Part headers are small and sent in one write, so they are not split across reads in practice.
                for (var at = buffer.AsSpan(0, read); at.IndexOf(PartHeader) is var index and >= 0; at = at[(index + PartHeader.Length)..])
                {
                    Interlocked.Increment(ref _framesRead);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Task.WaitAll([.. _readers], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // A viewer whose connection failed; the counts say so.
        }
        _stop.Dispose();
    }
}
