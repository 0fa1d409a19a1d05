using Microsoft.Playwright;

namespace SparkVideo.LiveView.Tests.Support;

/// <summary>The distribution's Chromium (Debian's <c>chromium</c>, installed by .ci/run), found on PATH and launched headless by Playwright.</summary>
public static class SystemChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser"];

    public static string ExecutablePath =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => Names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("no chromium on PATH: install it (Debian: apt-get install chromium)");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
