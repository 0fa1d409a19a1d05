using Microsoft.Playwright;

namespace SparkVideo.LiveView.Tests.Support;

/// <summary>One endless two-camera run and one headless Chromium, shared by the tests of a class.</summary>
public sealed class MultiCameraPipelineFixture : IAsyncLifetime
{
    public MultiCameraLivePipeline Pipeline { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        Pipeline = MultiCameraLivePipeline.Start();
        (_playwright, Browser) = await SystemChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Pipeline?.Dispose();
    }
}
