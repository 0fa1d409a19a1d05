using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SparkVideo.Frames;

namespace SparkVideo.Soak.Input;

/// <summary>
/// Plays the camera server on a loopback port: accepts the job's connection and writes every line of the run,
/// valid frames re-stamped with strictly increasing timestamps and bad lines at seeded positions.
/// </summary>
public sealed class FrameProducer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly SampleVideo _video;
    private readonly BadLines _badLines;
    private readonly SoakOptions _options;

    public FrameProducer(SampleVideo video, SoakOptions options)
    {
        _video = video;
        _options = options;
        _badLines = new BadLines(video);
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Bad lines sent so far, by kind.</summary>
    public Dictionary<string, int> BadSentByKind { get; } = [];

    public int ValidSent { get; private set; }

    public int BadSent => BadSentByKind.Values.Sum();

    /// <summary>Accepts the job's connection and sends every line; returns once the last one is written.</summary>
    public void Run(TimeSpan acceptTimeout, CancellationToken cancellation)
    {
        using var accept = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        accept.CancelAfter(acceptTimeout);
        using var client = _listener.AcceptTcpClientAsync(accept.Token).AsTask().GetAwaiter().GetResult();
        using var stream = client.GetStream();

        var random = new Random(_options.Seed);
        var badCount = (int)Math.Round(_options.Frames * _options.BadPercent / 100.0);
        var badPositions = Enumerable.Range(0, _options.Frames).OrderBy(_ => random.Next()).Take(badCount).ToHashSet();
        // Strictly increasing capture times, one millisecond apart, in the past: frame i is file frame_<base + i>.jpg.
        var baseMillis = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 600_000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < _options.Frames; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var timestamp = (baseMillis + i + 0.5) / 1000.0;
            if (badPositions.Contains(i))
            {
                var kind = random.Next(BadLines.Kinds.Length);
                stream.Write(_badLines.Make(kind, timestamp));
                BadSentByKind[BadLines.Kinds[kind]] = BadSentByKind.GetValueOrDefault(BadLines.Kinds[kind]) + 1;
            }
            else
            {
                var index = i % _video.Base64.Count;
                var frame = new FrameMessage(timestamp, SampleVideo.Width, SampleVideo.Height, _video.Base64[index]);
                stream.Write(FrameLine.ToBytes(frame));
                ValidSent++;
            }
            Pace(clock, i + 1);
        }
        stream.Flush();
    }

    public void Dispose() => _listener.Stop();

    private void Pace(Stopwatch clock, int sent)
    {
        if (_options.Fps <= 0)
        {
            return; // as fast as the job reads: its bounded buffer and TCP flow control hold the producer back
        }
        var due = TimeSpan.FromSeconds(sent / _options.Fps) - clock.Elapsed;
        if (due > TimeSpan.Zero)
        {
            Thread.Sleep(due);
        }
    }
}
