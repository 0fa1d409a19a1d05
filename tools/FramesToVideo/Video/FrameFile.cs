namespace SparkVideo.FramesToVideo;

/// <summary>One output frame on disk and the capture time its name carries; frames sort by capture time, then by the same-millisecond suffix.</summary>
public sealed record FrameFile(string Path, long CaptureMs, int Sequence) : IComparable<FrameFile>
{
    public int CompareTo(FrameFile? other) =>
        other is null ? 1 : CaptureMs != other.CaptureMs ? CaptureMs.CompareTo(other.CaptureMs) : Sequence.CompareTo(other.Sequence);
}
