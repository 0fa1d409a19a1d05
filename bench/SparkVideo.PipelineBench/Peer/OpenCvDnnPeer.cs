using System.ComponentModel;
using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;

namespace SparkVideo.PipelineBench.Peer;

/// <summary>
/// The peer: the seed's pipeline as a user would write it in Python with OpenCV's DNN module (bench/peer/opencv_dnn_pipeline.py)
/// on the same JPEG frames and the same model as the bare loop, one OpenCV thread. Its CPU per frame is measured as the
/// bare loop's is: the process's CPU time over the measured frames, after a few warm-up frames. Runs where python3 can
/// import cv2 and numpy (Debian: python3-opencv); elsewhere <see cref="Measure"/> returns null with a one-line note.
/// </summary>
public static partial class OpenCvDnnPeer
{
    public const string Description = "peer: the same pipeline in Python with OpenCV's DNN module (same frames, same model, one thread)";

    private const string Python = "python3";
    private const string Script = "bench/peer/opencv_dnn_pipeline.py";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);

    // Debian's python3-opencv is installed for the system's python3; a pyenv shim on PATH is told to use that one.
    private static readonly KeyValuePair<string, string>[] Environment = [new("PYENV_VERSION", "system")];

    public sealed record Result(long Frames, double CpuSeconds, TimeSpan Elapsed)
    {
        public double CpuMsPerFrame => CpuSeconds * 1000 / Frames;
    }

    /// <summary>CPU per frame of the peer over <paramref name="frames"/> frames; null, with <paramref name="skipped"/> saying why, where it cannot run.</summary>
    public static Result? Measure(IReadOnlyList<byte[]> jpegFrames, int frames, out string? skipped)
    {
        if (Probe() is { } missing)
        {
            skipped = missing;
            return null;
        }
        using var workspace = new TempWorkspace("peer");
        var input = workspace.Sub("frames");
        for (var i = 0; i < jpegFrames.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(input, $"frame_{i:D4}.jpg"), jpegFrames[i]);
        }
        using var peer = ChildProcess.StartExecutable(Python,
            [RepoPaths.InRepo(Script), "--model", Path.Combine(RepoPaths.Models, "selfie_segmentation.onnx"),
                "--frames-dir", input, "--output-dir", workspace.Sub("output"), "--frames", frames.ToString(CultureInfo.InvariantCulture)],
            new ChildProcessOptions { Environment = Environment, WorkingDirectory = workspace.Path });
        var exitCode = peer.WaitForExit(TimeSpan.FromSeconds(30 + frames));
        var match = peer.StdoutLines.Select(line => ResultLine().Match(line)).FirstOrDefault(m => m.Success);
        if (exitCode != 0 || match is null)
        {
            throw new BenchException($"the peer ({Script}) failed with exit code {exitCode}: {peer.DescribeOutput(5)}");
        }
        skipped = null;
        return new Result(
            long.Parse(match.Groups["frames"].Value, CultureInfo.InvariantCulture),
            double.Parse(match.Groups["cpu"].Value, CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(match.Groups["elapsed"].Value, CultureInfo.InvariantCulture)));
    }

    /// <summary>Null when python3 imports cv2 and numpy; otherwise why the peer cannot run, in one line.</summary>
    private static string? Probe()
    {
        try
        {
            using var probe = ChildProcess.StartExecutable(Python, ["-c", "import cv2, numpy"], new ChildProcessOptions { Environment = Environment });
            return probe.WaitForExit(ProbeTimeout) == 0
                ? null
                : "the peer row is skipped: python3 cannot import cv2 and numpy (Debian: apt-get install python3-opencv)";
        }
        catch (Win32Exception)
        {
            return "the peer row is skipped: python3 is not on PATH";
        }
    }

    [GeneratedRegex(@"^frames=(?<frames>\d+) cpu_seconds=(?<cpu>[0-9.]+) elapsed_seconds=(?<elapsed>[0-9.]+)$")]
    private static partial Regex ResultLine();
}
