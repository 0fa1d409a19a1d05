using System.Text;

namespace SparkVideo.Engine.Checkpoint;

/// <summary>
/// Writes a checkpoint file whole or not at all: the bytes go to a temporary file beside it that is then renamed over
/// it, so a crash never leaves half a file. A file that the write retires (the batch that falls out of the retention)
/// becomes that temporary file instead of being deleted: a query writes two files a batch, and on ext4 without a
/// journal every new file scans past the inodes deleted in the last 30 s or more, which made creating the checkpoint's
/// files (and the frames' files beside them) the job's largest cost after the frame's own work.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="path">The file to write.</param>
    /// <param name="content">Its whole content.</param>
    /// <param name="retired">A file that is no longer needed once <paramref name="path"/> is written; its name is gone afterwards.</param>
    public static void Write(string path, string content, string? retired = null)
    {
        string temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        byte[] bytes = Utf8NoBom.GetBytes(content);
        if (retired is not null && File.Exists(retired))
        {
            File.Move(retired, temp);
            Overwrite(temp, bytes);
        }
        else
        {
            // Created new (O_EXCL), not truncated: .NET truncates a FileMode.Create file with ftruncate(0), and ext4
            // then starts the file's write-back on close (its replace-via-truncate safeguard), a block I/O per file.
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            stream.Write(bytes);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Replaces the file's bytes; it is cut only when it was longer, and never to zero (see above).</summary>
    private static void Overwrite(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0);
        stream.Write(bytes);
        if (stream.Length > bytes.Length)
        {
            stream.SetLength(bytes.Length);
        }
    }
}
