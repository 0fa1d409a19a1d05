using SparkVideo.Frames.Output;

namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>A file the job wrote: the capture time encoded in its name and the time it was written (its mtime).</summary>
public sealed record OutputFrame(string Name, long CaptureUnixMs, double WrittenUnixMs)
{
    /// <summary>Capture to file written. The name holds whole milliseconds (floored), so this reads up to 1 ms high.</summary>
    public double LatencyMs => WrittenUnixMs - CaptureUnixMs;

    /// <summary>A frame file's capture time (<see cref="OutputLayout"/>'s name) and write time; null for any other file.</summary>
    public static OutputFrame? TryRead(string path)
    {
        var name = Path.GetFileName(path);
        if (!OutputLayout.TryParseFrameFileName(name, out var captureMs))
        {
            return null;
        }
        // mtime is kept in 100 ns ticks; the rename that publishes the file does not change it.
        var written = File.GetLastWriteTimeUtc(path);
        return new OutputFrame(name, captureMs, (written - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerMillisecond);
    }

    /// <summary>Every frame file in <paramref name="directory"/>, oldest write first.</summary>
    public static List<OutputFrame> ReadAll(string directory) =>
        [.. OutputLayout.FrameFiles(directory).Select(TryRead).OfType<OutputFrame>().OrderBy(f => f.WrittenUnixMs)];
}
