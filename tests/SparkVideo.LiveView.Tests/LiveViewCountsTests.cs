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

            // A chart whose scale reaches 20,000 (a start-up backlog's latency in ms) keeps its axis labels inside
            // the canvas: "10,000" was drawn 3 px left of it, so the README's screenshot read "0,000".
            var leftmostLabel = (await page.EvaluateAsync<System.Text.Json.JsonElement>(DrawnChartLabels, 12_345)).GetProperty("leftmost").GetDouble();
            Assert.True(leftmostLabel >= 0, $"an axis label starts {leftmostLabel:0.0} px left of the chart's canvas");

            // The middle label of a 0-25 scale is 12.5, not a rounded 13; of 0-2.5, 1.25.
            async Task<string> AxisLabels(double peak) =>
                (await page.EvaluateAsync<System.Text.Json.JsonElement>(DrawnChartLabels, peak)).GetProperty("axis").GetString()!;
            Assert.Equal("0 | 12.5 | 25", await AxisLabels(22));
            Assert.Equal("0.0 | 1.25 | 2.5", await AxisLabels(2.2));
            Assert.Equal("0 | 5,000 | 10,000", await AxisLabels(9_000));
        }
    }

    /// <summary>
    /// Draws a chart whose highest value is the argument with the page's own drawChart and returns the left edge of its
    /// leftmost label (in CSS pixels) and its axis labels, bottom to top, joined by " | ".
    /// </summary>
    private const string DrawnChartLabels = """
        (peak) => {
          const canvas = document.createElement("canvas");
          canvas.style.width = "300px";
          canvas.style.height = "110px";
          document.body.appendChild(canvas);
          const ctx = canvas.getContext("2d");
          const draw = ctx.fillText.bind(ctx);
          let leftmost = Infinity;
          const axis = [];
          ctx.fillText = (text, x, y) => {
            const width = ctx.measureText(text).width;
            leftmost = Math.min(leftmost, ctx.textAlign === "right" ? x - width : x);
            if (ctx.textBaseline === "middle") axis.push(text);
            draw(text, x, y);
          };
          drawChart(canvas, [{ values: [peak, 1], color: "#fff" }], "ms");
          canvas.remove();
          return { leftmost, axis: axis.join(" | ") };
        }
        """;

    /// <summary>Each point is one second's rate: over the run they add up to the frames written (windows are ~1 s).</summary>
    private static double Charted(System.Text.Json.JsonElement status) =>
        status.GetProperty("series").EnumerateArray().Sum(point => point.GetProperty("processedPerSecond").GetDouble());
}
