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
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly IReadOnlyDictionary<int, byte[]> _injections;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private int _forwarded;

    public LineInjectingProxy(int upstreamPort, IReadOnlyDictionary<int, string> injectAfterLine)
    {
        _upstreamPort = upstreamPort;
        _injections = injectAfterLine.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value + "\n"));
        _listener.Start();
        _pump = Task.Run(PumpAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Lines forwarded from the camera server so far.</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    private async Task PumpAsync()
    {
        using var downstream = await _listener.AcceptTcpClientAsync(_stop.Token);
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
        var input = upstream.GetStream();
        var output = downstream.GetStream();
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        int read;
        while ((read = await input.ReadAsync(buffer, _stop.Token)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }
                line.Write(buffer, start, i - start + 1);
                await output.WriteAsync(line.GetBuffer().AsMemory(0, (int)line.Length), _stop.Token);
                line.SetLength(0);
                start = i + 1;
                var count = Interlocked.Increment(ref _forwarded);
                if (_injections.TryGetValue(count, out var extra))
                {
                    await output.WriteAsync(extra, _stop.Token);
                }
            }
            line.Write(buffer, start, read - start);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _pump.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled or the peer went away: the proxy is done either way.
        }
        _stop.Dispose();
    }
}
