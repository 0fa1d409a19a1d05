namespace SparkVideo.Processing.Tests;

/// <summary>The [stats] line is written and read by one type; its text is the contract the soak, bench and tests read.</summary>
public sealed class StatsLineTests
{
    [Fact]
    public void Writes_every_part_in_the_order_the_job_has_always_printed_them()
    {
        var line = new StatsLine(10.04, 41.4, 77.6, 1200, 3, Dropped: 0, CameraClockAhead: 2, Inferences: 120, Deleted: 5);

        Assert.Equal(
            "[stats] 10.0 frames/s | latency p50 41 ms, p99 78 ms | processed 1200 | rejected 3 | dropped 0 | camera clock ahead 2 | inferences 120 | deleted 5",
            line.Format());
    }

    [Fact]
    public void Leaves_out_the_parts_that_do_not_apply()
    {
        Assert.Equal("[stats] 0.5 frames/s | latency n/a | processed 7 | rejected 0", new StatsLine(0.5, null, null, 7, 0).Format());
    }

    [Theory]
    [InlineData("[stats] 10.0 frames/s | latency p50 41 ms, p99 77 ms | processed 1200 | rejected 3 | dropped 0")]
    [InlineData("[stats] 9.8 frames/s | latency n/a | processed 60 | rejected 0 | inferences 12")]
    [InlineData("[stats] 80.0 frames/s | latency p50 9 ms, p99 48 ms | processed 288032 | rejected 0 | dropped 0 | deleted 144104")]
    [InlineData("[stats] 1.0 frames/s | latency p50 3 ms, p99 3 ms | processed 1 | rejected 0 | camera clock ahead 1")]
    public void Reads_back_exactly_what_it_writes(string text)
    {
        var line = StatsLine.TryParse(text);

        Assert.NotNull(line);
        Assert.Equal(text, line.Format());
    }

    [Fact]
    public void Reads_the_numbers()
    {
        var line = StatsLine.TryParse("[stats] 10.0 frames/s | latency p50 41 ms, p99 77 ms | processed 1200 | rejected 3 | inferences 12 | deleted 5");

        Assert.Equal(new StatsLine(10.0, 41, 77, 1200, 3, Inferences: 12, Deleted: 5), line);
    }

    [Theory]
    [InlineData("Batch: 3")]
    [InlineData("[stats] 10.0 frames/s | processed 12")]
    [InlineData("[stats] 10.0 frames/s | latency n/a | processed 12 | rejected 0 | lost 3")]
    [InlineData(" [stats] 10.0 frames/s | latency n/a | processed 12 | rejected 0")]
    public void Anything_else_is_not_a_stats_line(string text)
    {
        Assert.Null(StatsLine.TryParse(text));
    }
}
