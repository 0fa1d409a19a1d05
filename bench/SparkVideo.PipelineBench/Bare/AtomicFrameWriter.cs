namespace SparkVideo.PipelineBench.Bare;

/// <summary>Writes a frame the way the job does: to a temporary file, then renamed into place.</summary>
public static class AtomicFrameWriter
{
    public static void Write(string directory, string name, ReadOnlySpan<byte> jpeg)
    {
        var temp = Path.Combine(directory, "." + name + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            stream.Write(jpeg);
        }
        File.Move(temp, Path.Combine(directory, name), overwrite: true);
    }
}
