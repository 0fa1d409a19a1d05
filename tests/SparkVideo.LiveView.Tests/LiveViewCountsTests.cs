using SparkVideo.LiveView.Tests.Support;

namespace SparkVideo.LiveView.Tests;

/// <summary>The page's numbers against the job's own output, after a finite run.</summary>
public sealed class LiveViewCountsTests
{
    [Fact]
    public async Task The_page_and_api_status_agree_with_the_files_on_disk()
    {
        const int frames = 45;
        using var pipeline = LivePipeline.Start(fps: 15, maxFrames: frames);
        pipeline.Job.WaitForFrames(frames, TimeSpan.FromSeconds(90));
        Eventually.True(() => pipeline.Status().GetProperty("processed").GetInt64() == frames,
            () => $"api/status says {pipeline.Status().GetProperty("processed")} processed; {pipeline.Job.FrameFiles().Length} files on disk", TimeSpan.FromSeconds(10));

        // The last frames' second is charted once that second closes.
        Eventually.True(() => Charted(pipeline.Status()) >= frames * 0.9,
            () => $"the chart shows {Charted(pipeline.Status())} of {frames} frames", TimeSpan.FromSeconds(10));

        var status = pipeline.Status();
        Assert.Equal(pipeline.Job.FrameFiles().Length, status.GetProperty("processed").GetInt64());
        Assert.Equal(pipeline.Job.RejectsLogLines().Length, status.GetProperty("rejected").GetInt64());
        Assert.Equal(0, status.GetProperty("dropped").GetInt64());
        var series = status.GetProperty("series").EnumerateArray().ToList();
        Assert.InRange(Charted(status), frames * 0.9, frames * 1.1);
        Assert.Contains(series, point => point.GetProperty("latencyP50Ms").ValueKind == System.Text.Json.JsonValueKind.Number);

        var (playwright, browser) = await SystemChromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(pipeline.PageUrl, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.DOMContentLoaded });
            await page.WaitForFunctionAsync($"() => document.getElementById('processed').textContent === '{frames.ToString(CultureInfo.InvariantCulture)}'",
                null, new() { Timeout = 30_000 });
            Assert.Equal("0", await page.TextContentAsync("#rejected"));
            Assert.Equal("0", await page.TextContentAsync("#dropped"));
        }
    }

    /// <summary>Each point is one second's rate: over the run they add up to the frames written (windows are ~1 s).</summary>
    private static double Charted(System.Text.Json.JsonElement status) =>
        status.GetProperty("series").EnumerateArray().Sum(point => point.GetProperty("processedPerSecond").GetDouble());
}
