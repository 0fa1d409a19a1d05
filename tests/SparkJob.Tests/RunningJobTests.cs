using System.Diagnostics;
using SparkVideo.ChildProcesses;
using SparkVideo.Testing;

namespace SparkVideo.Job.Tests;

/// <summary>How the runner every program starts the job with waits on it: the real job, each outcome of a watch.</summary>
public sealed class RunningJobTests : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly string _workingDirectory = JobProcess.NewWorkingDirectory();

    public RunningJobTests() => Directory.CreateDirectory(_workingDirectory);

    [Fact]
    public void A_job_that_exits_before_its_ready_line_fails_the_wait_at_once_with_its_exit_code_and_output()
    {
        using var job = Start(new JobArguments { Extra = ["--no-such-option"] });
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<TimeoutException>(() => job.WaitUntilStarted(JobProcess.StartupTimeout));

        Assert.StartsWith("the job exited with code 2 before it started", error.Message, StringComparison.Ordinal);
        Assert.Contains("--no-such-option", error.Message);
        Assert.True(clock.Elapsed < JobProcess.StartupTimeout / 2, $"the wait took {clock.Elapsed}");
        Assert.False(job.HasStarted);
        Assert.Equal(JobWatchOutcome.Exited, job.WatchUntil(() => false, Poll, JobProcess.StartupTimeout));
    }

    [Fact]
    public void A_started_job_is_watched_until_the_condition_the_time_or_the_stop_signal_comes_first()
    {
        // No camera listens on the port: the job starts and keeps retrying the connection.
        using var job = Start(JobProcess.TestArguments([]) with { Host = "127.0.0.1", Port = FreePort.Get() });
        job.WaitUntilStarted(JobProcess.StartupTimeout);
        using var stop = new ManualResetEventSlim();
        var asked = 0;

        Assert.True(job.HasStarted);
        Assert.Equal(JobWatchOutcome.Done, job.WatchUntil(() => ++asked == 3, Poll, JobProcess.StartupTimeout));
        Assert.Equal(3, asked);
        Assert.Equal(JobWatchOutcome.TimedOut, job.WatchUntil(() => false, Poll, TimeSpan.FromMilliseconds(200)));
        stop.Set();
        Assert.Equal(JobWatchOutcome.Stopped, job.WatchUntil(() => true, Poll, Timeout.InfiniteTimeSpan, stop.WaitHandle));
        Assert.Equal(0, job.Process.InterruptOrKill(TimeSpan.FromSeconds(30)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private RunningJob Start(JobArguments arguments) =>
        RunningJob.Start(arguments, new ChildProcessOptions { WorkingDirectory = _workingDirectory });
}
