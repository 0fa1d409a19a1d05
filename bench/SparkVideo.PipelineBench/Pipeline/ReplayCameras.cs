using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.PipelineBench.Infrastructure;

namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>
/// N cameras in the bench's own process, so that a capacity run measures the job and not N camera servers sharing its
/// cores: each camera listens on a free loopback port, serves one consumer, and sends the frames a real
/// <c>CameraServer --source synthetic</c> (or <c>--source samples/people_walking.mp4</c>: real video frames, whose
/// JPEGs are larger and costlier to decode and encode) encoded, recorded once per run, at a fixed rate, each as a fresh JSON line
/// with the time it is sent as its capture time. Like the camera server, the newest frame wins: frames that fall due
/// while a send is blocked (the consumer is not reading) are dropped and counted. The cameras start at independent
/// random phases within one frame interval, as separate cameras would.
/// </summary>
public sealed class ReplayCameras : IDisposable
{
    private const int RecordedSyntheticFrames = 30;

    /// <summary>The whole sample video (100 frames), so that the replay loops over real motion.</summary>
    private const int RecordedVideoFrames = 100;

    private readonly List<Camera> _cameras;
    private bool _disposed;

    private ReplayCameras(List<Camera> cameras) => _cameras = cameras;

    public IReadOnlyList<int> Ports => [.. _cameras.Select(c => c.Port)];

    public bool Finished => _cameras.TrueForAll(c => c.Finished);

    public long Sent(int camera) => _cameras[camera].Sent;

    public long Dropped(int camera) => _cameras[camera].Dropped;

    /// <summary>
    /// Records the frames (the sample video's when <paramref name="video"/>), then starts <paramref name="count"/> cameras
    /// that wait for their consumer.
    /// </summary>
    public static ReplayCameras Start(int count, double fps, int framesPerCamera, bool video, string workingDirectory)
    {
        var frames = video
            ? RecordFrames(["--source", RepoPaths.PeopleWalkingVideo], RecordedVideoFrames, workingDirectory)
            : RecordFrames(["--source", "synthetic"], RecordedSyntheticFrames, workingDirectory);
        var random = new Random(12);
        var interval = TimeSpan.FromSeconds(1 / fps);
        var cameras = Enumerable.Range(0, count)
            .Select(_ => new Camera(frames, interval, interval * random.NextDouble(), framesPerCamera))
            .ToList();
        cameras.ForEach(c => c.Start());
        return new ReplayCameras(cameras);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _cameras.ForEach(c => c.Dispose());
        }
    }

    /// <summary>The frame_data of the first frames a real camera server sends from <paramref name="source"/>: the same JPEGs and base64.</summary>
    private static List<(int Width, int Height, string FrameData)> RecordFrames(string[] source, int recordedFrames,
        string workingDirectory)
    {
        using var server = SparkVideoProgram.CameraServer.Start([.. source, "--fps", "0", "--max-frames", recordedFrames.ToString(CultureInfo.InvariantCulture),
                "--host", "127.0.0.1", "--port", "0"],
            new ChildProcessOptions { WorkingDirectory = workingDirectory, MaxLinesKept = 20 });
        var port = CameraOutput.Port(PipelineRunner.WaitForListening(server));
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        using var reader = new StreamReader(client.GetStream(), Encoding.UTF8);
        var frames = new List<(int, int, string)>(recordedFrames);
        while (frames.Count < recordedFrames && reader.ReadLine() is { } line)
        {
            if (!FrameCodec.TryParse(line, out var frame, out var error))
            {
                throw new BenchException($"the camera server sent a line that is not a frame: {error}");
            }
            frames.Add((frame.FrameWidth, frame.FrameHeight, frame.FrameData));
        }
        PipelineRunner.Stop(server, "CameraServer");
        return frames.Count == recordedFrames
            ? frames
            : throw new BenchException($"the camera server sent {frames.Count} of {recordedFrames} frames");
    }

    private sealed class Camera : IDisposable
    {
        private readonly IReadOnlyList<(int Width, int Height, string FrameData)> _frames;
        private readonly TimeSpan _interval;
        private readonly TimeSpan _phase;
        private readonly int _framesToSend;
        private readonly OneConsumerListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private Thread? _thread;
        private long _sent, _dropped;
        private volatile bool _finished;

        public Camera(IReadOnlyList<(int, int, string)> frames, TimeSpan interval, TimeSpan phase, int framesToSend)
        {
            (_frames, _interval, _phase, _framesToSend) = (frames, interval, phase, framesToSend);
        }

        public int Port => _listener.Port;

        public long Sent => Interlocked.Read(ref _sent);

        public long Dropped => Interlocked.Read(ref _dropped);

        public bool Finished => _finished;

        public void Start()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = $"replay camera {Port}" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Dispose();
            _thread?.Join();
            _stop.Dispose();
        }

        private void Run()
        {
            try
            {
                using var socket = _listener.AcceptOne(_stop.Token);
                Send(socket);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The consumer went away or the run is over: what was sent and dropped is already counted.
            }
            finally
            {
                _finished = true;
            }
        }

        /// <summary>Frame k falls due at phase + k * interval after the consumer connected; the newest due frame is sent.</summary>
        private void Send(Socket socket)
        {
            var clock = Stopwatch.StartNew();
            long next = 0;
            while (next < _framesToSend && !_stop.IsCancellationRequested)
            {
                var due = _phase + _interval * next;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero && _stop.Token.WaitHandle.WaitOne(wait))
                {
                    return;
                }
                // Frames that fell due while the last send was blocked are stale: only the newest is sent.
                var newest = Math.Min(_framesToSend - 1, (long)Math.Floor((clock.Elapsed - _phase) / _interval));
                if (newest > next)
                {
                    Interlocked.Add(ref _dropped, newest - next);
                    next = newest;
                }
                var (width, height, frameData) = _frames[(int)(next % _frames.Count)];
                var timestamp = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
                var line = FrameLine.ToBytes(new FrameMessage(timestamp, width, height, frameData));
                socket.Send(line);
                Interlocked.Increment(ref _sent);
                next++;
            }
        }
    }
}
