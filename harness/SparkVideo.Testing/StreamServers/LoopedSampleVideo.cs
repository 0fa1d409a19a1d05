using SparkVideo.ChildProcesses;

namespace SparkVideo.Testing.StreamServers;

/// <summary>
/// The 10 s sample video repeated into one file of <see cref="Repeats"/> copies (ffmpeg stream copy, no re-encoding,
/// well under a second), so a stream server serving it does not reach its end during a test. Deleted on dispose.
/// </summary>
public sealed class LoopedSampleVideo : IDisposable
{
    public const int Repeats = 60;

    private readonly string _directory = Directory.CreateTempSubdirectory("sparkvideo-looped-").FullName;

    public LoopedSampleVideo()
    {
        Path = System.IO.Path.Combine(_directory, "people_walking_looped.mp4");
        using var ffmpeg = ChildProcess.StartExecutable("ffmpeg",
            ["-nostdin", "-hide_banner", "-loglevel", "error", "-stream_loop", (Repeats - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-i", RepoPaths.PeopleWalkingVideo, "-c", "copy", "-y", Path],
            new ChildProcessOptions());
        if (ffmpeg.WaitForExit(TimeSpan.FromSeconds(60)) != 0 || !File.Exists(Path))
        {
            throw new InvalidOperationException($"ffmpeg could not loop the sample video\n{ffmpeg.DescribeOutput()}");
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
