using Microsoft.Playwright;

namespace SparkVideo.LiveView.Tests.Support;

/// <summary>One endless pipeline and one headless Chromium, shared by the tests of a class.</summary>
public abstract class PipelineWithBrowserFixture<TPipeline> : IAsyncLifetime
    where TPipeline : class, IDisposable
{
    private IPlaywright? _playwright;

    public TPipeline Pipeline { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    protected abstract TPipeline StartPipeline();

    public async Task InitializeAsync()
    {
        Pipeline = StartPipeline();
        (_playwright, Browser) = await SystemChromium.LaunchAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Pipeline?.Dispose();
    }
}
