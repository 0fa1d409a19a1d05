using SparkVideo.ChildProcesses;

namespace SparkVideo.Reliability.Tests.Soak;

/// <summary>
/// The short soak CI runs: a camera that goes away and comes back 500 times (a frame on every tenth connection). A
/// socket, a reader thread or a buffer kept per connection would show as open descriptors or threads that grow.
/// </summary>
public sealed class ReconnectLeakTests
{
    private const int WarmUp = 50;
    private const int Reconnects = 500;
    private const int Slack = 4;

    [Fact]
    public void Five_hundred_reconnects_of_a_camera_leave_the_jobs_open_files_and_threads_as_they_were()
    {
        var baseMillis = SampleFrames.BaseMillis();
        using var producer = new RawProducer();
        using var job = JobProcess.Start(producer.Port);

        Reconnect(producer, baseMillis, 0, WarmUp);
        job.WaitForFrames(WarmUp / 10, TimeSpan.FromSeconds(60));
        var (fdsBefore, threadsBefore) = Census(job);

        Reconnect(producer, baseMillis, WarmUp, Reconnects);
        job.WaitForFrames((WarmUp + Reconnects) / 10, TimeSpan.FromSeconds(60));
        var (fdsAfter, threadsAfter) = Census(job);

        Assert.False(job.Process.HasExited, job.Process.DescribeOutput());
        Assert.True(fdsAfter <= fdsBefore + Slack, $"open file descriptors grew from {fdsBefore} to {fdsAfter} over {Reconnects} reconnects");
        Assert.True(threadsAfter <= threadsBefore + Slack, $"threads grew from {threadsBefore} to {threadsAfter} over {Reconnects} reconnects");
        Assert.Equal(0, job.Stop());
    }

    /// <summary>Accepts the job's connection <paramref name="count"/> times, sending a frame on every tenth, and cuts it.</summary>
    private static void Reconnect(RawProducer producer, long baseMillis, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            using var connection = producer.Accept();
            if (i % 10 == 0)
            {
                connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
            }
            connection.Cut();
        }
    }

    /// <summary>Descriptors and threads once the job is idle again: the fewest of a few reads, so a pool thread busy for a moment does not count.</summary>
    private static (int Fds, int Threads) Census(JobProcess job)
    {
        var fds = int.MaxValue;
        var threads = int.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            Thread.Sleep(200);
            fds = Math.Min(fds, ProcessResources.OpenFileDescriptors(job.Process.Id) ?? int.MaxValue);
            threads = Math.Min(threads, ProcessResources.Threads(job.Process.Id) ?? int.MaxValue);
        }
        return (fds, threads);
    }
}
