using SparkVideo.Frames.Output;

namespace SparkVideo.Processing;

/// <summary>
/// Writes a processed frame as <see cref="OutputLayout.FrameFileName"/> names it, atomically: the bytes go to a temporary file
/// that is then renamed, so a crash never leaves a half-written frame. Two frames in the same millisecond get
/// <c>frame_&lt;ms&gt;_1.jpg</c>, <c>_2</c>, ... instead of overwriting each other.
/// </summary>
public static class FrameFileWriter
{
    private const int MaxSameMillisecond = 1000;
    private const int NoSpaceLeft = 28;       // ENOSPC
    private const int DiskQuotaExceeded = 122; // EDQUOT

    /// <summary>Returns the file name written (without the directory).</summary>
    public static string Write(string directory, double timestamp, ReadOnlySpan<byte> jpeg) =>
        Write(directory, timestamp, jpeg, OutputLayout.FrameExtension);

    /// <summary>The same for a frame of another format: <paramref name="extension"/> is the encoder's (.jpg, or .png when transparent).</summary>
    public static string Write(string directory, double timestamp, ReadOnlySpan<byte> jpeg, string extension)
    {
        // Only the validated numeric timestamp reaches the file name.
        var millis = OutputLayout.CaptureMillis(timestamp);
        var temp = Path.Combine(directory, OutputLayout.TemporaryFrameFileName(millis));
        try
        {
            WriteTemporary(directory, temp, jpeg);
            for (var attempt = 0; attempt < MaxSameMillisecond; attempt++)
            {
                var name = OutputLayout.FrameFileName(millis, attempt, extension);
                if (NoReplaceRename.TryMove(temp, Path.Combine(directory, name)))
                {
                    return name;
                }
            }
            throw new IOException($"more than {MaxSameMillisecond} frames share the millisecond {millis} in '{directory}'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new FrameWriteException(directory, Reason(ex), ex);
        }
    }

    /// <summary>The errno's own words for a full volume; .NET's message names the temporary file, which is gone.</summary>
    private static string Reason(Exception ex) =>
        ex is IOException && (ex.HResult & 0xFFFF) is NoSpaceLeft or DiskQuotaExceeded ? "no space left on device" : ex.Message;

    /// <summary>
    /// Creates the directory when it is missing: on a cluster the executor writing this frame may be on a machine
    /// (or in a working directory) where the driver's start-up check never ran. Costs nothing once it exists.
    /// </summary>
    private static void WriteTemporary(string directory, string temp, ReadOnlySpan<byte> jpeg)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(directory);
            stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        }
        using (stream)
        {
            stream.Write(jpeg);
            stream.Flush(flushToDisk: false);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one worth reporting.
        }
    }
}
