using System.Globalization;
using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames.Output;
using SparkVideo.Testing;

namespace SparkVideo.Job.Tests;

/// <summary>
/// The real job started with --camera NAME=127.0.0.1:PORT for each camera, in a temporary working directory,
/// with what the multi-camera tests look at: each camera's frame files and the camera | timestamp | output_path rows.
/// </summary>
public sealed partial class MultiCameraJob : IDisposable
{
    private readonly string _workingDirectory = JobProcess.NewWorkingDirectory();
    private readonly RunningJob _job;

    private MultiCameraJob(IEnumerable<(string Name, int Port)> cameras, string[] arguments)
    {
        Directory.CreateDirectory(_workingDirectory);
        var jobArguments = JobProcess.TestArguments(arguments) with
        {
            Cameras = [.. cameras.Select(c => new JobCamera(c.Name, "127.0.0.1", c.Port))],
            Parallelism = 2,
            NumRows = 1000,
        };
        _job = RunningJob.Start(jobArguments, new ChildProcessOptions { WorkingDirectory = _workingDirectory });
    }

    public ChildProcess Process => _job.Process;

    public string OutputDirectory => Path.Combine(_workingDirectory, OutputLayout.DefaultOutputDir);

    public static MultiCameraJob Start(IEnumerable<(string Name, int Port)> cameras, params string[] arguments)
    {
        var job = new MultiCameraJob(cameras, arguments);
        try
        {
            job._job.WaitUntilStarted(JobProcess.StartupTimeout);
            return job;
        }
        catch
        {
            job.Dispose();
            throw;
        }
    }

    /// <summary>Frame files in one camera's folder.</summary>
    public string[] Frames(string camera) => [.. OutputLayout.FrameFiles(OutputLayout.CameraFolder(OutputDirectory, camera))];

    /// <summary>Every file and folder under the output directory, relative to the working directory ("output_frames/a/frame_1.jpg").</summary>
    public string[] EverythingWritten() =>
        [.. Directory.GetFileSystemEntries(OutputDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_workingDirectory, path))];

    /// <summary>The data rows of every console batch: (camera, timestamp, output_path).</summary>
    public IReadOnlyList<(string Camera, string Timestamp, string OutputPath)> ConsoleRows() =>
        [.. Process.StdoutLines
            .Where(line => line.StartsWith('|') && !line.StartsWith("|camera", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (cells[1], cells[2], cells[3]))];

    public void WaitUntil(Func<bool> condition, Func<string> describe, TimeSpan timeout) =>
        Eventually.True(condition, () => describe() + "\n" + Process.DescribeOutput(), timeout, giveUp: () => Process.HasExited);

    /// <summary>Lines of the engine saying it connected to a source again after failed attempts.</summary>
    public int Reconnects(int port) =>
        Process.StderrLines.Count(line => ReconnectedLine().Match(line) is { Success: true } m && m.Groups["port"].Value == port.ToString(CultureInfo.InvariantCulture));

    public void Dispose()
    {
        _job.Dispose();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex(@"^socket source: connected to 127\.0\.0\.1:(?<port>\d+) after \d+ failed attempt")]
    private static partial Regex ReconnectedLine();
}
