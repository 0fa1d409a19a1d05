using SparkVideo.Frames.Output;

namespace SparkVideo.Job.Retention;

/// <summary>What one folder holds after a sweep, and what the sweep deleted.</summary>
public readonly record struct FolderSweep(long FrameFiles, long FrameBytes, int Deleted);

/// <summary>
/// One pass over one output folder: deletes its oldest frame files past the policy. Only regular files whose name the
/// job could have written (<see cref="OutputLayout.TryParseFrameFileName(string, out long)"/>: every format, JPEG and
/// PNG) are ever counted or deleted, and never one of the folder's newest <see cref="RetentionPolicy.AlwaysKeptPerFolder"/>;
/// rejects.log, temporary files, sub-folders and anything else stay as they are.
/// </summary>
public static class FrameFolderSweep
{
    private readonly record struct FrameFile(long CaptureMs, int Sequence, string Path, long Bytes, DateTime WrittenUtc);

    private static readonly EnumerationOptions TopLevelOnly = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };

    public static FolderSweep Run(string folder, RetentionPolicy policy, DateTime nowUtc)
    {
        var frames = Frames(folder);
        long bytes = frames.Sum(frame => frame.Bytes);
        var deleted = 0;
        var ageLimit = policy.MaxAge is { } age ? nowUtc - age : DateTime.MinValue;
        for (var i = 0; i < frames.Count - RetentionPolicy.AlwaysKeptPerFolder; i++)
        {
            var frame = frames[i];
            var tooBig = policy.MaxBytes is { } cap && bytes > cap;
            var tooOld = frame.WrittenUtc < ageLimit;
            if (!tooBig && !tooOld)
            {
                break; // oldest first: the rest are younger and fit
            }
            if (TryDelete(frame.Path))
            {
                bytes -= frame.Bytes;
                deleted++;
            }
        }
        return new FolderSweep(frames.Count - deleted, bytes, deleted);
    }

    /// <summary>The folder's frame files, oldest capture first (ties: the writer's _1, _2 order), with their size and write time.</summary>
    private static List<FrameFile> Frames(string folder)
    {
        var directory = new DirectoryInfo(folder);
        if (!directory.Exists)
        {
            return [];
        }
        var frames = new List<FrameFile>();
        foreach (var file in directory.EnumerateFiles(OutputLayout.FrameFilePattern, TopLevelOnly))
        {
            if (OutputLayout.TryParseFrameFileName(file.Name, out var captureMs, out var sequence) && TryStat(file) is { } stat)
            {
                frames.Add(new FrameFile(captureMs, sequence, file.FullName, stat.Bytes, stat.WrittenUtc));
            }
        }
        frames.Sort((a, b) => a.CaptureMs != b.CaptureMs ? a.CaptureMs.CompareTo(b.CaptureMs) : a.Sequence.CompareTo(b.Sequence));
        return frames;
    }

    /// <summary>Null for a file gone since it was listed (deleted by hand, or the folder went away).</summary>
    private static (long Bytes, DateTime WrittenUtc)? TryStat(FileInfo file)
    {
        try
        {
            return (file.Length, file.LastWriteTimeUtc);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>False when the file cannot be deleted now (it is tried again at the next sweep).</summary>
    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
