using System.Globalization;
using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Frames.Output;
using SparkVideo.Processing.Rejects;

namespace SparkVideo.Testing;

/// <summary>
/// A real SparkJob process (embedded engine) in its own temporary working directory, with what the tests look
/// at: the frame files, rejects.log, the console batch rows and ids, the "Rejected frame" and source "dropped"
/// stderr lines.
/// </summary>
public sealed partial class JobProcess : IDisposable
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);


    private readonly RunningJob _job;
    private readonly bool _ownsWorkingDirectory;

    private JobProcess(RunningJob job, string workingDirectory, bool ownsWorkingDirectory)
    {
        _job = job;
        WorkingDirectory = workingDirectory;
        _ownsWorkingDirectory = ownsWorkingDirectory;
    }

    public ChildProcess Process => _job.Process;

    public string WorkingDirectory { get; }

    public string OutputDirectory => Path.Combine(WorkingDirectory, OutputLayout.DefaultOutputDir);

    public string CheckpointDirectory => Path.Combine(WorkingDirectory, OutputLayout.DefaultCheckpointDir);

    public string RejectsLog => OutputLayout.RejectsLogPath(OutputDirectory);

    public static string NewWorkingDirectory() =>
        Path.Combine(Path.GetTempPath(), "sparkvideo-job-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Runs the job (stats summaries off; live view off unless the arguments name a --ui-port, so parallel tests
    /// never compete for its port) without waiting for it to start (for runs that must refuse to start).
    /// </summary>
    public static ChildProcess Launch(string workingDirectory, params string[] arguments)
    {
        Directory.CreateDirectory(workingDirectory);
        return SparkVideoProgram.Job.Start(TestArguments(arguments).ToList(), workingDirectory);
    }

    /// <summary>
    /// Starts the job reading from 127.0.0.1:<paramref name="port"/> with two partitions (unless the arguments
    /// name a --host or --parallelism), and waits until it says it started. Given a
    /// <paramref name="workingDirectory"/> (a restart) the caller keeps it; otherwise a new one is deleted on Dispose.
    /// </summary>
    public static JobProcess Start(int port, string? workingDirectory = null, params string[] arguments) =>
        StartThrough(null, port, workingDirectory, arguments);

    /// <summary>As <see cref="Start"/>, with the job started through <paramref name="runThrough"/> (e.g. <see cref="SmallVolume.Enter"/>).</summary>
    public static JobProcess StartThrough(IReadOnlyList<string>? runThrough, int port, string? workingDirectory, params string[] arguments)
    {
        var directory = workingDirectory ?? NewWorkingDirectory();
        Directory.CreateDirectory(directory);
        var jobArguments = TestArguments(arguments) with
        {
            Host = arguments.Contains("--host") ? null : "127.0.0.1",
            Port = port,
            Parallelism = arguments.Contains("--parallelism") ? null : 2,
        };
        var job = RunningJob.Start(jobArguments, new ChildProcessOptions { WorkingDirectory = directory, RunThrough = runThrough });
        try
        {
            job.WaitUntilStarted(StartupTimeout);
            return new JobProcess(job, directory, ownsWorkingDirectory: workingDirectory is null);
        }
        catch
        {
            job.Dispose();
            if (workingDirectory is null)
            {
                Directory.Delete(directory, recursive: true);
            }
            throw;
        }
    }

    /// <summary>
    /// The job's arguments in a test: <paramref name="arguments"/> after stats summaries off and the live view off,
    /// unless the arguments name them (so parallel tests never compete for the live view's port).
    /// </summary>
    public static JobArguments TestArguments(string[] arguments) => new()
    {
        StatsIntervalSeconds = arguments.Contains("--stats-interval-seconds") ? null : 0,
        UiPort = arguments.Contains("--ui-port") ? null : 0,
        Extra = arguments,
    };

    /// <summary>The frames written so far (.jpg, or .png for a transparent background).</summary>
    public string[] FrameFiles() => [.. OutputLayout.FrameFiles(OutputDirectory)];

    public string[] RejectsLogLines() => File.Exists(RejectsLog) ? File.ReadAllLines(RejectsLog) : [];

    /// <summary>Rejects on stderr: one "Rejected frame" line each, or counted in a rate-limited "... and N more rejected" line.</summary>
    public int RejectedOnStderr() => Process.StderrLines.Sum(RejectEchoLines.CountIn);

    /// <summary>Over-long lines the socket source skipped (one engine log line each).</summary>
    public int DroppedBySource() => Process.StderrLines.Count(line => DroppedLine().IsMatch(line));

    /// <summary>Every "Batch: N" id the console sink printed, in order.</summary>
    public IReadOnlyList<long> BatchIds() =>
        [.. Process.StdoutLines.Select(line => BatchLine().Match(line)).Where(m => m.Success).Select(m => long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture))];

    /// <summary>The data rows of every console batch table: (timestamp cell, output_path cell).</summary>
    public IReadOnlyList<(string Timestamp, string OutputPath)> ConsoleRows() =>
        Process.StdoutLines
            .Where(line => line.StartsWith('|') && !line.StartsWith("|timestamp", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (cells[1], cells[2]))
            .ToList();

    /// <summary>Waits until at least <paramref name="count"/> frame files exist, and returns them.</summary>
    public string[] WaitForFrames(int count, TimeSpan timeout)
    {
        WaitWhileRunning(() => FrameFiles().Length >= count, () => $"{FrameFiles().Length} of {count} frames written.", timeout);
        return FrameFiles();
    }

    /// <summary>
    /// Waits until the console batches list <paramref name="count"/> rows: a frame's file is written inside its
    /// batch, and the batch is printed when it completes.
    /// </summary>
    public IReadOnlyList<(string Timestamp, string OutputPath)> WaitForConsoleRows(int count, TimeSpan timeout)
    {
        WaitWhileRunning(() => ConsoleRows().Count >= count, () => $"{ConsoleRows().Count} of {count} console rows printed.", timeout);
        return ConsoleRows();
    }

    /// <summary>Waits until exactly the expected frame files, rejects.log lines and "Rejected frame" lines exist.</summary>
    public void WaitForOutcome(int frames, int rejects, TimeSpan? timeout = null) =>
        WaitWhileRunning(
            () => FrameFiles().Length >= frames && RejectsLogLines().Length >= rejects && RejectedOnStderr() >= rejects,
            () => $"expected {frames} frames and {rejects} rejects; have {FrameFiles().Length} frames, {RejectsLogLines().Length} rejects.log lines, {RejectedOnStderr()} stderr rejects",
            timeout);

    /// <summary>SIGTERM (or SIGINT, as Ctrl+C, when <paramref name="interrupt"/>), then the exit code.</summary>
    public int Stop(bool interrupt = false)
    {
        if (interrupt)
        {
            Process.SendInterrupt();
        }
        else
        {
            Process.SendTerminate();
        }
        return Process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        _job.Dispose();
        if (!_ownsWorkingDirectory)
        {
            return;
        }
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; gives up early when the job exits, with its output in the message.</summary>
    private void WaitWhileRunning(Func<bool> condition, Func<string> describe, TimeSpan? timeout) =>
        Eventually.True(condition, () => describe() + "\n" + Process.DescribeOutput(), timeout, giveUp: () => Process.HasExited);

    [GeneratedRegex(@"^socket source: dropped a line of \d+ bytes over the maxLineBytes cap")]
    private static partial Regex DroppedLine();

    [GeneratedRegex(@"^Batch: (?<id>\d+)$")]
    private static partial Regex BatchLine();
}
