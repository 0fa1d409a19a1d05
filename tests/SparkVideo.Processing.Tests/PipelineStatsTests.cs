using SparkVideo.Processing;

namespace SparkVideo.Processing.Tests;

public sealed class PipelineStatsTests
{
    [Fact]
    public void Frames_from_a_camera_clock_ahead_are_counted_apart_and_kept_out_of_the_percentiles()
    {
        var stats = new PipelineStats();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        stats.RecordProcessed(now - 0.040);
        stats.RecordProcessed(now - 0.050);
        stats.RecordProcessed(now + 3600); // an hour ahead: within the validator's skew

        var line = stats.TakeSummary();

        Assert.NotNull(line);
        Assert.Matches(@"\| latency p50 \d+ ms, p99 \d+ ms \| processed 3 \| rejected 0 \| camera clock ahead 1$", line);
    }

    [Fact]
    public void A_window_with_only_clock_ahead_frames_shows_no_latency_figures()
    {
        var stats = new PipelineStats();
        stats.RecordProcessed(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + 3600);

        Assert.Contains("| latency n/a | processed 1 | rejected 0 | camera clock ahead 1", stats.TakeSummary());
    }
}
