using Microsoft.Playwright;

namespace SparkVideo.LiveView.Tests.Support;

/// <summary>Whether an image element on the page shows a moving video: its pixels change, checked until they do.</summary>
internal static class PlayingVideo
{
    /// <summary>Screenshots <paramref name="selector"/> until one differs from the first; fails after <paramref name="timeout"/>.</summary>
    public static async Task AssertChangesAsync(IPage page, string selector, TimeSpan timeout)
    {
        var element = page.Locator(selector);
        var first = await element.ScreenshotAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var next = await element.ScreenshotAsync();
            if (!first.SequenceEqual(next))
            {
                return;
            }
        }
        Assert.Fail($"{selector} did not change in {timeout.TotalSeconds:0} s: the video is not playing");
    }
}
