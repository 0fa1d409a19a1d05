using System.Text.RegularExpressions;
using SparkVideo.Frames.Output;

namespace SparkVideo.Demo.Runs;

/// <summary>
/// What an earlier run left in the output and checkpoint folders a demo run is about to use. Only what the job
/// writes is touched: frame files (named as <see cref="OutputLayout"/> names them), <c>rejects.log</c> and its
/// rotations, in the output folder and its camera folders, and the checkpoint's own entries; anything else a
/// user keeps there stays.
/// </summary>
internal static partial class EarlierRun
{
    /// <summary>The entries of a streaming checkpoint (the embedded engine's and Spark's layout).</summary>
    private static readonly string[] CheckpointEntries = ["metadata", "offsets", "commits", "sources", "state"];

    /// <summary>Frames an earlier run wrote into <paramref name="outputDir"/> and its camera folders.</summary>
    public static int CountFrames(string outputDir) => FrameFiles(outputDir).Count();

    /// <summary>The next batch id the checkpoint would give (one past its last commit), or null when there is none.</summary>
    public static long? NextBatch(string checkpointDir)
    {
        var commits = Path.Combine(checkpointDir, "commits");
        if (!Directory.Exists(commits))
        {
            return null;
        }
        var ids = Directory.EnumerateFiles(commits)
            .Select(path => long.TryParse(Path.GetFileName(path), out var id) ? id : -1)
            .Where(id => id >= 0)
            .ToList();
        return ids.Count == 0 ? null : ids.Max() + 1;
    }

    /// <summary>Deletes the earlier run's frames, rejects logs and checkpoint; returns the frames deleted.</summary>
    public static int Clear(string outputDir, string checkpointDir)
    {
        var frames = 0;
        foreach (var file in FrameFiles(outputDir))
        {
            File.Delete(file);
            frames++;
        }
        foreach (var folder in OutputFolders(outputDir))
        {
            foreach (var log in Directory.EnumerateFiles(folder, OutputLayout.RejectsLogFileName + "*").Where(IsRejectsLog))
            {
                File.Delete(log);
            }
            if (folder != outputDir && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder); // an emptied camera folder of an earlier run with more cameras
            }
        }
        foreach (var entry in CheckpointEntries.Select(name => Path.Combine(checkpointDir, name)))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else if (File.Exists(entry))
            {
                File.Delete(entry);
            }
        }
        return frames;
    }

    private static IEnumerable<string> FrameFiles(string outputDir) =>
        OutputFolders(outputDir)
            .SelectMany(folder => Directory.EnumerateFiles(folder, OutputLayout.FrameFilePattern))
            .Where(path => OutputLayout.TryParseFrameFileName(Path.GetFileName(path), out _))
            .ToList();

    /// <summary>The output folder and its camera folders (one level down, as the job writes them).</summary>
    private static IEnumerable<string> OutputFolders(string outputDir) =>
        Directory.Exists(outputDir) ? [outputDir, .. Directory.EnumerateDirectories(outputDir)] : [];

    private static bool IsRejectsLog(string path) => RejectsLogName().IsMatch(Path.GetFileName(path));

    [GeneratedRegex(@"^rejects\.log(\.\d+)?$")]
    private static partial Regex RejectsLogName();
}
