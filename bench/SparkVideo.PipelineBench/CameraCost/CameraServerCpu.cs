using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SparkVideo.ChildProcesses;

namespace SparkVideo.PipelineBench.CameraCost;

/// <summary>
/// The camera server's own CPU per frame: the real CameraServer as a child process, paced at a real-time rate, one
/// consumer on loopback that only counts lines. The CPU time (utime + stime from /proc) and the lines received are read
/// once the first <c>warmUpFrames</c> have arrived (start-up, JIT, codec set-up excluded) and again after the window.
/// </summary>
public static class CameraServerCpu
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    public sealed record Result(string Source, double Fps, long Frames, double CpuSeconds, TimeSpan Window)
    {
        public double CpuMsPerFrame => Frames > 0 ? CpuSeconds * 1000 / Frames : double.NaN;
    }

    /// <param name="source">The camera server's --source (a file is played with --loop).</param>
    /// <param name="options">More of the camera server's options.</param>
    public static Result Measure(string source, IReadOnlyList<string> options, double fps, int warmUpFrames, TimeSpan window, string workingDirectory)
    {
        string[] loop = File.Exists(source) ? ["--loop"] : [];
        using var server = SparkVideoProgram.CameraServer.Start(
            ["--source", source, .. loop, .. options, "--fps", fps.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--port", "0"],
            new ChildProcessOptions { WorkingDirectory = workingDirectory, MaxLinesKept = 20 });
        var port = CameraOutput.Port(PipelineRunner.WaitForListening(server));
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        var lines = new LineCounter(client.GetStream());

        lines.WaitFor(warmUpFrames, ReadTimeout, server);
        var (cpuFrom, framesFrom) = (CpuSeconds(server), lines.Count);
        var clock = Stopwatch.StartNew();
        lines.WaitFor(framesFrom + (long)Math.Ceiling(window.TotalSeconds * (fps > 0 ? fps : 100)), window + ReadTimeout, server);
        var (cpuTo, framesTo) = (CpuSeconds(server), lines.Count);
        var elapsed = clock.Elapsed;

        PipelineRunner.Stop(server, "CameraServer");
        return new Result(source, fps, framesTo - framesFrom, cpuTo - cpuFrom, elapsed);
    }

    private static double CpuSeconds(ChildProcess server) =>
        ProcessStat.CpuSeconds(server.Id) ?? throw new BenchException("cannot read the camera server's CPU time from /proc");

    /// <summary>Reads the stream on its own thread and counts newline bytes: the bench's side costs next to nothing.</summary>
    private sealed class LineCounter
    {
        private readonly Stream _stream;
        private long _count;
        private Exception? _failure;

        public LineCounter(Stream stream)
        {
            _stream = stream;
            new Thread(Read) { IsBackground = true, Name = "camera lines" }.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void WaitFor(long lines, TimeSpan timeout, ChildProcess server)
        {
            var deadline = Stopwatch.StartNew();
            while (Count < lines)
            {
                if (_failure is not null || server.HasExited || deadline.Elapsed > timeout)
                {
                    throw new BenchException($"the camera server sent {Count} of {lines} lines " +
                        $"({_failure?.Message ?? (server.HasExited ? "it exited" : "timed out")}): {server.DescribeOutput(5)}");
                }
                Thread.Sleep(20);
            }
        }

        private void Read()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                int read;
                while ((read = _stream.Read(buffer)) > 0)
                {
                    Interlocked.Add(ref _count, buffer.AsSpan(0, read).Count((byte)'\n'));
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                _failure = e;
            }
        }
    }
}
