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

    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> readers = [];
    private long framesRead;
    private int connected;

    private MjpegViewers()
    {
    }

    public long FramesRead => Interlocked.Read(ref framesRead);

    public int Connected => Volatile.Read(ref connected);

    public static MjpegViewers Start(int port, int count)
    {
        var viewers = new MjpegViewers();
        for (var i = 0; i < count; i++)
        {
            viewers.readers.Add(Task.Run(() => viewers.ReadAsync(port)));
        }
        return viewers;
    }

    private async Task ReadAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, stop.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /stream.mjpg HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"), stop.Token);
        Interlocked.Increment(ref connected);
        var buffer = new byte[64 * 1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer, stop.Token);
                if (read == 0)
                {
                    return;
                }
                // Part headers are small and sent in one write, so they are not split across reads in practice.
                for (var at = buffer.AsSpan(0, read); at.IndexOf(PartHeader) is var index and >= 0; at = at[(index + PartHeader.Length)..])
                {
                    Interlocked.Increment(ref framesRead);
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
        stop.Cancel();
        try
        {
            Task.WaitAll([.. readers], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // A viewer whose connection failed; the counts say so.
        }
        stop.Dispose();
    }
}
