using Xunit.Abstractions;

namespace SparkVideo.Reliability.Tests.Security;

/// <summary>
/// A hostile producer floods the job: one 100 MB line with no newline, 2,000 garbage lines of 100 KB, and lines
/// over the job's --max-line-bytes. The job's memory stays bounded, it keeps running, every garbage line is
/// rejected and counted, every over-long line is dropped and counted by the source, and the valid frames sent
/// after all that are processed.
/// </summary>
public sealed class HostileClientTests(ITestOutputHelper output)
{
    private const long MemoryLimitBytes = 600L * 1024 * 1024;
    private const int MaxLineBytes = 2 * 1024 * 1024;
    private const int GarbageLines = 2000;
    private const int GarbageLineBytes = 100 * 1024;
    private const int OverlongLines = 5;

    [Fact]
    public void A_flood_of_huge_and_garbage_lines_keeps_memory_bounded_and_is_fully_accounted_for()
    {
        var baseMillis = SampleFrames.BaseMillis();
        using var producer = new RawProducer();
        using var job = JobProcess.Start(producer.Port, null, "--max-line-bytes", MaxLineBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var memory = new ProcessMemory(job.Process.Id, TimeSpan.FromMilliseconds(20));
        using var connection = producer.Accept();

        connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, 0), 0));
        connection.SendRepeated((byte)'A', 100L * 1024 * 1024); // 100 MB, no newline yet
        connection.Send("\n");
        connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, 1), 1));
        var garbage = new byte[GarbageLineBytes + 1];
        var framed = System.Text.Encoding.ASCII.GetBytes("{\"timestamp\":1767668128.5,\"frame_width\":640,\"frame_height\":480,\"frame_data\":\"");
        for (var i = 0; i < GarbageLines; i++)
        {
            // Alternately plain garbage (not JSON) and a frame whose 100 KB of base64 is not a JPEG.
            Array.Fill(garbage, i % 2 == 0 ? (byte)'#' : (byte)'A');
            if (i % 2 == 1)
            {
                framed.CopyTo(garbage, 0);
                garbage[^3] = (byte)'"';
                garbage[^2] = (byte)'}';
            }
            garbage[^1] = (byte)'\n';
            connection.Send(garbage);
        }
        for (var i = 0; i < OverlongLines; i++)
        {
            connection.SendRepeated((byte)'{', MaxLineBytes + 1);
            connection.Send("\n");
        }
        for (var i = 2; i < 5; i++)
        {
            connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
        }

        job.WaitForOutcome(frames: 5, rejects: GarbageLines);
        Eventually.True(() => job.DroppedBySource() >= 1 + OverlongLines, () => job.Process.DescribeOutput());
        memory.Sample();
        output.WriteLine($"job RSS peak during the flood: {memory.PeakMegabytes} MB");

        Assert.False(job.Process.HasExited);
        Assert.Equal(5, job.FrameFiles().Length);
        Assert.Equal(GarbageLines, job.RejectsLogLines().Length);
        Assert.Equal(GarbageLines, job.RejectedOnStderr());
        Assert.Equal(1 + OverlongLines, job.DroppedBySource());
        Assert.True(memory.PeakBytes < MemoryLimitBytes, $"job RSS peaked at {memory.PeakMegabytes} MB");
        Assert.Equal(0, job.Stop());
    }
}
