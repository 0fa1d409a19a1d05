namespace SparkVideo.Reliability.Tests.Faults;

/// <summary>
/// The output directory is replaced by a regular file while the job runs (as root, permission bits would not
/// stop a write, a file in the directory's place does): the query must stop loudly, not drop frames quietly.
/// </summary>
public sealed class OutputDirectoryFailureTests
{
    [Fact]
    public void When_the_output_directory_becomes_a_file_the_query_fails_naming_it_with_a_non_zero_exit()
    {
        var baseMillis = SampleFrames.BaseMillis();
        using var producer = new RawProducer();
        using var job = JobProcess.Start(producer.Port);
        using var connection = producer.Accept();
        connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, 0)));
        job.WaitForOutcome(frames: 1, rejects: 0);

        Directory.Delete(job.OutputDirectory, recursive: true);
        File.WriteAllText(job.OutputDirectory, "not a directory");
        connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, 1), 1));

        var exitCode = job.Process.WaitForExit(TimeSpan.FromSeconds(90));
        Assert.NotEqual(0, exitCode);
        var error = job.Process.StderrLines.SingleOrDefault(line => line.StartsWith("error: the streaming query failed", StringComparison.Ordinal));
        Assert.True(error is not null, job.Process.DescribeOutput());
        Assert.Contains($"cannot write frames to '{Path.GetFullPath(job.OutputDirectory)}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(job.Process.StdoutLines, line => line.Contains("frame_" + (baseMillis + 1), StringComparison.Ordinal));
    }
}
