namespace SparkVideo.Reliability.Tests.Faults;

/// <summary>The producer dies in the middle of a line and comes back on the same port.</summary>
public sealed class ProducerRestartTests
{
    [Fact]
    public void The_job_reconnects_and_the_cut_line_is_rejected_alone_not_glued_to_the_next_connection()
    {
        var baseMillis = SampleFrames.BaseMillis();
        using var producer = new RawProducer();
        using var job = JobProcess.Start(producer.Port);

        using (var first = producer.Accept())
        {
            for (var i = 0; i < 3; i++)
            {
                first.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
            }
            var cut = SampleFrames.Line(SampleFrames.Timestamp(baseMillis, 3), 3);
            first.Send(cut[..(cut.Length / 2)]);
            job.WaitForOutcome(frames: 3, rejects: 0);
            producer.StopListening(); // the server is killed: its listener and its connection go away
            first.Cut();
        }
        job.Process.WaitForStderrLine(line => line.Contains("cannot connect to 127.0.0.1:", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        producer.Restart();
        using (var second = producer.Accept())
        {
            for (var i = 4; i < 7; i++)
            {
                second.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
            }
            job.WaitForOutcome(frames: 6, rejects: 1);
        }

        Assert.False(job.Process.HasExited);
        Assert.Equal(6, job.FrameFiles().Length); // a glued line would have cost the first frame of the new connection
        var reject = Assert.Single(job.RejectsLogLines());
        Assert.Contains("malformed record", reject, StringComparison.Ordinal);
        Assert.Contains(job.Process.StderrLines, line => line.Contains("socket source: connected to 127.0.0.1:", StringComparison.Ordinal));
        Assert.Equal(0, job.Stop());
    }
}
