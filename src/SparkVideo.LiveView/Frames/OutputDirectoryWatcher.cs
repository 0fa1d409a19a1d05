using SparkVideo.Frames.Output;
using SparkVideo.LiveView.Status;

using SparkVideo.Mjpeg;

namespace SparkVideo.LiveView.Frames;

/// <summary>
/// Follows the frames the job writes into its output directory (on the driver's file system): each new
/// <c>frame_&lt;ms&gt;.jpg</c> (<c>.png</c> for a transparent background) is counted, its capture→file latency is taken from its name and write time, and
/// it goes to the <see cref="LatestFrameSlot"/> when it is the newest capture so far (its bytes are read only
/// when a viewer asks for them). Files present before
/// the watcher started belong to an earlier run and are not counted. With several cameras the job writes into one
/// folder per camera (<c>output_frames/NAME/</c>, created before the watcher starts): those frames count too, and
/// a frame in the folder of a configured camera also feeds that camera's own stream and count.
/// </summary>
internal sealed class OutputDirectoryWatcher : IDisposable
{
    private readonly string _directory;
    private readonly FrameFeed _allFrames;
    private readonly IReadOnlyDictionary<string, FrameFeed> _cameras;
    private readonly LiveStatistics _statistics;
    private readonly FileSystemWatcher _watcher;
    private readonly int _filesAtStart;
    private readonly Dictionary<string, int> _cameraFilesAtStart;

    /// <param name="cameras">The configured cameras by folder name (ordinal); empty for a one-camera job.</param>
    public OutputDirectoryWatcher(string directory, FrameFeed allFrames, IReadOnlyDictionary<string, FrameFeed> cameras, LiveStatistics statistics)
    {
        _directory = directory;
        _allFrames = allFrames;
        _cameras = cameras;
        _statistics = statistics;
        _watcher = new FileSystemWatcher(directory, OutputLayout.FrameFilePattern)
        {
            NotifyFilter = NotifyFilters.FileName,
            // Large enough for a burst of a few hundred renames; an overflow is repaired by a rescan (OnError).
            InternalBufferSize = 64 * 1024,
            IncludeSubdirectories = true,
        };
        _watcher.Created += (_, e) => OnFrameFile(e.Name);
        _watcher.Renamed += (_, e) => OnFrameFile(e.Name);
        _watcher.Error += (_, _) => Rescan();
        var atStart = FrameFilesPerFolder();
        _filesAtStart = atStart.Values.Sum();
        _cameraFilesAtStart = _cameras.Keys.ToDictionary(name => name, name => atStart.GetValueOrDefault(name), StringComparer.Ordinal);
        _watcher.EnableRaisingEvents = true;
    }

    private void OnFrameFile(string? name)
    {
        if (name is null || !OutputLayout.TryParseFrameFileName(Path.GetFileName(name), out var captureMs))
        {
            return;
        }
        var path = Path.Combine(_directory, name);
        var written = File.GetLastWriteTimeUtc(path);
        if (written.Year < 1971)
        {
            return; // gone already: GetLastWriteTimeUtc answers 1601-01-01 for a missing file
        }
        _statistics.RecordFrame(captureMs, new DateTimeOffset(written).ToUnixTimeMilliseconds());
        // One read serves both streams the frame may be shown on.
        var jpeg = new Lazy<byte[]?>(() => TryRead(path), LazyThreadSafetyMode.ExecutionAndPublication);
        _allFrames.Offer(captureMs, () => jpeg.Value);
        if (_cameras.TryGetValue(Path.GetDirectoryName(name) ?? "", out var camera))
        {
            camera.Offer(captureMs, () => jpeg.Value);
        }
    }

    /// <summary>Null when the file went away between the event and the read: the next frame replaces it anyway.</summary>
    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>After an event overflow the count is taken from the directory itself.</summary>
    private void Rescan()
    {
        try
        {
            var now = FrameFilesPerFolder();
            _statistics.ResyncProcessed(now.Values.Sum() - _filesAtStart);
            foreach (var (name, camera) in _cameras)
            {
                camera.ResyncProcessed(now.GetValueOrDefault(name) - _cameraFilesAtStart[name]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The directory went away; the counts stay where they were.
        }
    }

    /// <summary>Frame files per folder: "" for the output directory itself, NAME for a camera's folder.</summary>
    private Dictionary<string, int> FrameFilesPerFolder() =>
        Directory.EnumerateFiles(_directory, OutputLayout.FrameFilePattern, CameraFolders)
            .Where(path => OutputLayout.TryParseFrameFileName(Path.GetFileName(path), out _))
            .GroupBy(path => Path.GetRelativePath(_directory, Path.GetDirectoryName(path)!), StringComparer.Ordinal)
            .ToDictionary(folder => folder.Key == "." ? "" : folder.Key, folder => folder.Count(), StringComparer.Ordinal);

    /// <summary>The output directory and the camera folders in it, nothing deeper.</summary>
    private static readonly EnumerationOptions CameraFolders = new() { RecurseSubdirectories = true, MaxRecursionDepth = 1 };

    public void Dispose() => _watcher.Dispose();
}
