using SparkVideo.Frames.Output;

namespace SparkVideo.FramesToVideo;

/// <summary>
/// The videos a folder makes: the folder's own frames (a one-camera run, or one camera's folder) as one video, or,
/// when it has none, each subfolder with frames (the cameras of a multi-camera run, <c>output_frames/NAME/</c>) as
/// one video each.
/// </summary>
public static class FrameFolders
{
    /// <summary>Each video's name (its folder's) and frames in capture-time order.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<FrameFile> Frames)> Find(string directory)
    {
        var full = Path.GetFullPath(directory);
        try
        {
            var own = FramesIn(full);
            if (own.Count > 0)
            {
                return [(Path.GetFileName(Path.TrimEndingDirectorySeparator(full)), own)];
            }
            var cameras = Directory.EnumerateDirectories(full)
                .Order(StringComparer.Ordinal)
                .Select(folder => (Name: Path.GetFileName(folder), Frames: FramesIn(folder)))
                .Where(camera => camera.Frames.Count > 0)
                .ToList();
            return cameras.Count > 0
                ? cameras
                : throw new FramesToVideoException($"no frames (frame_<ms>.jpg or .png) in '{directory}' or its camera folders");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FramesToVideoException($"cannot read the folder '{directory}': {ex.Message}", ex);
        }
    }

    private static IReadOnlyList<FrameFile> FramesIn(string folder) =>
        [.. Directory.EnumerateFiles(folder, OutputLayout.FrameFilePattern)
            .Select(path => OutputLayout.TryParseFrameFileName(Path.GetFileName(path), out var ms, out var sequence) ? new FrameFile(path, ms, sequence) : null)
            .OfType<FrameFile>()
            .Order()];
}
