using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SparkVideo.Job.Tests;

/// <summary>
/// A loopback TCP proxy between the camera server and the job that forwards every line unchanged and
/// inserts extra raw lines after given line numbers, the way a broken or hostile producer would.
/// It serves one consumer connection, then stops.
/// </summary>
public sealed class LineInjectingProxy : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int upstreamPort;
    private readonly IReadOnlyDictionary<int, byte[]> injections;
    private readonly CancellationTokenSource stop = new();
    private readonly Task pump;
    private int forwarded;

    public LineInjectingProxy(int upstreamPort, IReadOnlyDictionary<int, string> injectAfterLine)
    {
        this.upstreamPort = upstreamPort;
        injections = injectAfterLine.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value + "\n"));
        listener.Start();
        pump = Task.Run(PumpAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Lines forwarded from the camera server so far.</summary>
    public int Forwarded => Volatile.Read(ref forwarded);

    private async Task PumpAsync()
    {
        using var downstream = await listener.AcceptTcpClientAsync(stop.Token);
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, stop.Token);
        var input = upstream.GetStream();
        var output = downstream.GetStream();
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        int read;
        while ((read = await input.ReadAsync(buffer, stop.Token)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }
                line.Write(buffer, start, i - start + 1);
                await output.WriteAsync(line.GetBuffer().AsMemory(0, (int)line.Length), stop.Token);
                line.SetLength(0);
                start = i + 1;
                var count = Interlocked.Increment(ref forwarded);
                if (injections.TryGetValue(count, out var extra))
                {
                    await output.WriteAsync(extra, stop.Token);
                }
            }
            line.Write(buffer, start, read - start);
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            pump.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled or the peer went away: the proxy is done either way.
        }
        stop.Dispose();
    }
}
