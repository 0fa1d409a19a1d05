using System.Text;
using SparkVideo.Processing;
using Xunit.Abstractions;

namespace SparkVideo.Reliability.Tests.Security;

/// <summary>
/// A flood of lines that are not frames, through the real job with a 1 MiB cap on rejects.log: the log rotates
/// and stays under the cap, the stderr echo is rate-limited, the counts stay exact, the job keeps running and
/// the valid frames sent before and after the flood are all written.
/// </summary>
public sealed class RejectFloodTests(ITestOutputHelper output)
{
    private const int FloodLines = 20_000;
    private const long CapBytes = 1024 * 1024;

    [Fact]
    public void A_reject_flood_keeps_the_log_under_its_cap_and_the_counts_exact()
    {
        var baseMillis = SampleFrames.BaseMillis();
        using var producer = new RawProducer();
        using var job = JobProcess.Start(producer.Port, null, "--max-rejects-log-mib", "1");
        using var connection = producer.Accept();

        connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, 0), 0));
        // Not JSON, with a control byte, an ANSI escape and bytes that are not UTF-8 in the excerpt's reach.
        var garbage = Encoding.ASCII.GetBytes("not a frame \b\u001b[31m ").Concat(new byte[] { 0xFF, 0xC3, 0x28 }).Concat(Encoding.ASCII.GetBytes(new string('#', 200) + "\n")).ToArray();
        var flood = new byte[garbage.Length * 1000];
        for (var i = 0; i < 1000; i++)
        {
            garbage.CopyTo(flood, i * garbage.Length);
        }
        try
        {
            for (var i = 0; i < FloodLines / 1000; i++)
            {
                connection.Send(flood);
            }
        }
        catch (IOException e)
        {
            throw new IOException($"the job stopped reading during the flood\n{job.Process.DescribeOutput()}", e);
        }
        for (var i = 1; i < 5; i++)
        {
            connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
        }

        Eventually.True(
            () => job.FrameFiles().Length >= 5 && job.RejectedOnStderr() >= FloodLines,
            () => $"{job.FrameFiles().Length} of 5 frames, {job.RejectedOnStderr()} of {FloodLines} rejects on stderr\n{job.Process.DescribeOutput()}",
            giveUp: () => job.Process.HasExited);
        Assert.False(job.Process.HasExited);
        Assert.Equal(0, job.Stop());

        var logs = Directory.GetFiles(job.OutputDirectory, "rejects.log*").Order().ToArray();
        var logBytes = logs.Sum(path => new FileInfo(path).Length);
        var echoed = job.Process.StderrLines.Count(line => line.StartsWith("Rejected frame", StringComparison.Ordinal));
        output.WriteLine($"{string.Join(", ", logs.Select(Path.GetFileName))}: {logBytes} bytes; {echoed} rejects echoed one by one");

        Assert.Equal(5, job.FrameFiles().Length);
        Assert.Equal(FloodLines, job.RejectedOnStderr());
        Assert.Contains(job.Process.StdoutLines, line => StatsLine.TryParse(line)?.Rejected == FloodLines);
        Assert.True(logBytes <= CapBytes, $"rejects.log and its rotated files hold {logBytes} bytes, over the {CapBytes}-byte cap");
        Assert.Equal(["rejects.log", "rejects.log.1", "rejects.log.2", "rejects.log.3"], logs.Select(Path.GetFileName));
        Assert.True(echoed < FloodLines / 10, $"{echoed} stderr lines for {FloodLines} rejects: the echo is not rate-limited");

        var excerpt = File.ReadLines(logs[0]).Last().Split('\t')[3];
        Assert.StartsWith(@"not a frame \x08\x1b[31m \xff\xc3(###", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= 120, $"excerpt of {excerpt.Length} chars");
    }
}
