using System.Diagnostics;
using SparkVideo.Frames;

namespace SparkVideo.ChildProcesses;

/// <summary>How <see cref="RunningJob.WatchUntil"/> ended.</summary>
public enum JobWatchOutcome
{
    /// <summary>The caller's condition held.</summary>
    Done,

    /// <summary>The job exited first.</summary>
    Exited,

    /// <summary>The time ran out first.</summary>
    TimedOut,

    /// <summary>The caller's stop signal was set first.</summary>
    Stopped,
}

/// <summary>
/// The job started as a child (<c>dotnet SparkJob.dll</c>) from its <see cref="JobArguments"/>, for the demo, the
/// tests, the bench and the soak: its lines go to the options' callbacks as they are read, its ready line
/// (<see cref="ProgramLines.JobStarted"/>) is watched for even when no line is kept, and a caller's condition is
/// polled while it runs.
/// </summary>
public sealed class RunningJob : IDisposable
{
    private static readonly TimeSpan StartPoll = TimeSpan.FromMilliseconds(100);

    private readonly ManualResetEventSlim _started = new();

    private RunningJob(JobArguments arguments, ChildProcessOptions options, string? jobDll)
    {
        var onStdoutLine = options.OnStdoutLine;
        var watched = options with
        {
            OnStdoutLine = line =>
            {
                if (line == ProgramLines.JobStarted)
                {
                    _started.Set();
                }
                onStdoutLine?.Invoke(line);
            },
        };
        Process = jobDll is null
            ? SparkVideoProgram.Job.Start(arguments.ToList(), watched)
            : ChildProcess.StartDotnet(jobDll, arguments.ToList(), watched);
    }

    public ChildProcess Process { get; }

    /// <summary>Whether the job has printed its ready line.</summary>
    public bool HasStarted => _started.IsSet;

    /// <summary>
    /// Starts the job built next to this program (or <paramref name="jobDll"/>) with <paramref name="arguments"/>;
    /// returns at once.
    /// </summary>
    /// <exception cref="FileNotFoundException">The job is not built.</exception>
    public static RunningJob Start(JobArguments arguments, ChildProcessOptions options, string? jobDll = null) =>
        new(arguments, options, jobDll);

    /// <summary>Waits for the ready line; throws <see cref="TimeoutException"/> with the output when the job exits or the time passes first.</summary>
    public void WaitUntilStarted(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!_started.Wait(StartPoll))
        {
            if (Process.HasExited)
            {
                // Its last lines may still be in the pipes: read them all before judging and describing.
                var exitCode = Process.WaitForExit(timeout);
                if (_started.IsSet)
                {
                    return;
                }
                throw new TimeoutException($"the job exited with code {exitCode} before it started\n{Process.DescribeOutput()}");
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"the job did not start within {timeout.TotalSeconds:0} s\n{Process.DescribeOutput()}");
            }
        }
    }

    /// <summary>
    /// Every <paramref name="poll"/> (waited first), asks <paramref name="done"/>; returns when it says so, the job
    /// exits, <paramref name="timeout"/> passes (<see cref="Timeout.InfiniteTimeSpan"/>: never) or
    /// <paramref name="stop"/> is set, whichever comes first, checked in that order.
    /// </summary>
    public JobWatchOutcome WatchUntil(Func<bool> done, TimeSpan poll, TimeSpan timeout, WaitHandle? stop = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (stop is not null ? stop.WaitOne(poll) : Sleep(poll))
            {
                return JobWatchOutcome.Stopped;
            }
            if (done())
            {
                return JobWatchOutcome.Done;
            }
            if (Process.HasExited)
            {
                return JobWatchOutcome.Exited;
            }
            if (timeout != Timeout.InfiniteTimeSpan && clock.Elapsed > timeout)
            {
                return JobWatchOutcome.TimedOut;
            }
        }
    }

    public void Dispose()
    {
        Process.Dispose();
        _started.Dispose();
    }

    private static bool Sleep(TimeSpan poll)
    {
        Thread.Sleep(poll);
        return false;
    }
}
