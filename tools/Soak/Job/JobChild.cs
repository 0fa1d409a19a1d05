using SparkVideo.ChildProcesses;
using SparkVideo.Frames.Output;
using SparkVideo.Processing;
using SparkVideo.Processing.Rejects;

namespace SparkVideo.Soak.Job;

/// <summary>
/// The real SparkJob as a child process (<c>dotnet SparkJob.dll</c>) in its own working directory. Its output
/// is counted line by line, not kept: a soak prints thousands of lines, and only the last few are remembered
/// for error messages.
/// </summary>
public sealed class JobChild : IDisposable
{
    private const int TailLines = 20;

    private readonly RunningJob _job;
    private int _rejectedOnStderr;
    private int _droppedBySource;
    private int _batches;
    private StatsLine? _stats;

    public JobChild(string jobDll, string workingDirectory, JobArguments arguments)
    {
        WorkingDirectory = workingDirectory;
        Directory.CreateDirectory(workingDirectory);
        _job = RunningJob.Start(arguments, new ChildProcessOptions
        {
            WorkingDirectory = workingDirectory,
            OnStdoutLine = OnStdout,
            OnStderrLine = OnStderr,
            MaxLinesKept = TailLines,
        }, jobDll);
    }

    public string WorkingDirectory { get; }

    public string OutputDirectory => Path.Combine(WorkingDirectory, OutputLayout.DefaultOutputDir);

    public int Id => _job.Process.Id;

    public bool HasExited => _job.Process.HasExited;

    public int RejectedOnStderr => Volatile.Read(ref _rejectedOnStderr);

    public int DroppedBySource => Volatile.Read(ref _droppedBySource);

    public int Batches => Volatile.Read(ref _batches);

    /// <summary>The job's latest [stats] summary; null before the first.</summary>
    public StatsLine? LatestStats => Volatile.Read(ref _stats);

    public void WaitUntilStarted(TimeSpan timeout) => _job.WaitUntilStarted(timeout);

    /// <summary>Polls <paramref name="done"/> while the job runs (<see cref="RunningJob.WatchUntil"/>).</summary>
    public JobWatchOutcome WatchUntil(Func<bool> done, TimeSpan poll, TimeSpan timeout) => _job.WatchUntil(done, poll, timeout);

    public int CountFrameFiles() => OutputLayout.FrameFiles(OutputDirectory).Count();

    public int CountTemporaryFiles() => OutputLayout.TemporaryFrameFiles(OutputDirectory).Count();

    /// <summary>Lines in rejects.log and its rotated files (rejects.log.1..).</summary>
    public int CountRejectsLogLines() =>
        Directory.Exists(OutputDirectory) ? Directory.EnumerateFiles(OutputDirectory, "rejects.log*").Sum(path => File.ReadLines(path).Count()) : 0;

    /// <summary>SIGTERM (the job stops its query and exits), then the exit code.</summary>
    public int Stop(TimeSpan timeout)
    {
        _job.Process.SendTerminate();
        return _job.Process.WaitForExit(timeout);
    }

    /// <summary>The last lines of stdout and stderr, for error messages.</summary>
    public string Tail() => _job.Process.DescribeOutput(TailLines);

    public void Dispose()
    {
        _job.Dispose();
    }

    private void OnStdout(string line)
    {
        if (line.StartsWith("Batch: ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _batches);
        }
        else if (StatsLine.TryParse(line) is { } stats)
        {
            Volatile.Write(ref _stats, stats);
        }
    }

    private void OnStderr(string line)
    {
        if (RejectEchoLines.CountIn(line) is > 0 and var rejects)
        {
            Interlocked.Add(ref _rejectedOnStderr, rejects);
        }
        else if (line.StartsWith("socket source: dropped a line of ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _droppedBySource);
        }
    }
}
