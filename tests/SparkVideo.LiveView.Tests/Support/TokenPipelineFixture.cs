namespace SparkVideo.LiveView.Tests.Support;

/// <summary>
/// One endless pipeline whose live view is given a token (--ui-token-file) while it listens on 127.0.0.1, and one
/// headless Chromium: loopback needs no token unless one is given, and a given one holds for every route.
/// </summary>
public sealed class TokenPipelineFixture : PipelineWithBrowserFixture<LivePipeline>
{
    public const string Token = "right-token-7f3a9c1e5b2d4f60";

    private readonly string _tokenFile = Path.Combine(Path.GetTempPath(), "sparkvideo-ui-token-" + Guid.NewGuid().ToString("N"));

    protected override LivePipeline StartPipeline()
    {
        File.WriteAllText(_tokenFile, Token + "\n");
        return LivePipeline.Start(fps: 15, maxFrames: null, "--ui-token-file", _tokenFile);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_tokenFile);
    }
}
