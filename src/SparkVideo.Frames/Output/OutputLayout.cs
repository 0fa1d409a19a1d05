using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.Frames.Output;

/// <summary>
/// What the job writes on disk, defined once for the writer (the UDF) and every reader (the live view, the
/// demo, the tests, the bench): frame file names, camera folders, rejects.log and its line, the default checkpoint.
/// </summary>
public static partial class OutputLayout
{
    public const string DefaultOutputDir = "output_frames";
    public const string DefaultCheckpointDir = "checkpoint";
    public const string RejectsLogFileName = "rejects.log";
    public const string FrameExtension = ".jpg";

    /// <summary>The extension of a transparent background's frames (PNG keeps the alpha channel).</summary>
    public const string TransparentFrameExtension = ".png";

    /// <summary>What every frame file name matches, whatever its extension (for a directory listing or a file watcher).</summary>
    public const string FrameFilePattern = "frame_*";

    /// <summary>Prefix of a frame still being written; readers skip it, and it is renamed into place when complete.</summary>
    public const string TemporaryFramePrefix = ".frame_";

    /// <summary><c>frame_&lt;ms&gt;.jpg</c>, or <c>frame_&lt;ms&gt;_&lt;n&gt;.jpg</c> for the n-th other frame of that millisecond.</summary>
    public static string FrameFileName(long captureUnixMs, int sameMillisecondIndex) =>
        FrameFileName(captureUnixMs, sameMillisecondIndex, FrameExtension);

    /// <summary>The same with the extension of the frame's format (<see cref="FrameExtension"/> or <see cref="TransparentFrameExtension"/>).</summary>
    public static string FrameFileName(long captureUnixMs, int sameMillisecondIndex, string extension) =>
        sameMillisecondIndex == 0
            ? string.Create(CultureInfo.InvariantCulture, $"frame_{captureUnixMs}{extension}")
            : string.Create(CultureInfo.InvariantCulture, $"frame_{captureUnixMs}_{sameMillisecondIndex}{extension}");

    /// <summary>The capture time (Unix ms) of a frame file name the job writes (.jpg or .png); false for any other name.</summary>
    public static bool TryParseFrameFileName(string fileName, out long captureUnixMs) =>
        TryParseFrameFileName(fileName, out captureUnixMs, out _);

    /// <summary>The same, with the frame's place among the frames of its millisecond (0 for <c>frame_&lt;ms&gt;.jpg</c>, n for <c>_n</c>).</summary>
    public static bool TryParseFrameFileName(string fileName, out long captureUnixMs, out int sameMillisecondIndex)
    {
        var match = FrameFileNamePattern().Match(fileName);
        captureUnixMs = 0;
        sameMillisecondIndex = 0;
        return match.Success
            && long.TryParse(match.Groups["ms"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out captureUnixMs)
            && (!match.Groups["n"].Success
                || int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out sameMillisecondIndex));
    }

    /// <summary>
    /// The frame files the job wrote directly in <paramref name="folder"/> (every format; names that parse), or with
    /// <paramref name="andCameraFolders"/> also one level down, in the cameras' folders. Empty for a missing folder.
    /// </summary>
    public static IEnumerable<string> FrameFiles(string folder, bool andCameraFolders = false) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, FrameFilePattern, new EnumerationOptions { RecurseSubdirectories = andCameraFolders, MaxRecursionDepth = 1 })
                .Where(path => TryParseFrameFileName(Path.GetFileName(path), out _))
            : [];

    /// <summary>Frames still being written (<see cref="TemporaryFramePrefix"/>), directly in <paramref name="folder"/>.</summary>
    public static IEnumerable<string> TemporaryFrameFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, TemporaryFramePrefix + "*.tmp") : [];

    /// <summary>The capture time in Unix ms, as frame names carry it (floored).</summary>
    public static long CaptureMillis(double timestampSeconds) => checked((long)Math.Floor(timestampSeconds * 1000.0));

    public static string TemporaryFrameFileName(long captureUnixMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{TemporaryFramePrefix}{captureUnixMs}.{Guid.NewGuid():N}.tmp");

    /// <summary>A camera's own folder in a multi-camera run; one camera writes into the output folder itself.</summary>
    public static string CameraFolder(string outputDir, string? camera) =>
        camera is null ? outputDir : Path.Combine(outputDir, camera);

    public static string RejectsLogPath(string outputDir) => Path.Combine(outputDir, RejectsLogFileName);

    /// <summary>
    /// The checkpoint a run uses when none is given: <c>checkpoint</c> for one camera, <c>checkpoint/&lt;N&gt;-cameras</c>
    /// for N cameras. A checkpoint remembers how many sources its query read and refuses another number (as on Spark),
    /// so one- and many-camera runs can follow each other in the same directory.
    /// </summary>
    public static string CheckpointFor(string checkpointDir, int cameras) =>
        cameras == 0 ? checkpointDir : Path.Combine(checkpointDir, string.Create(CultureInfo.InvariantCulture, $"{cameras}-cameras"));

    [GeneratedRegex(@"^frame_(?<ms>\d{1,18})(?:_(?<n>\d{1,9}))?\.(?:jpg|png)$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameFileNamePattern();
}
