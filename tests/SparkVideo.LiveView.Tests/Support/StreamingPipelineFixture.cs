namespace SparkVideo.LiveView.Tests.Support;

/// <summary>One endless pipeline at 15 FPS and one headless Chromium, shared by the tests of a class.</summary>
public sealed class StreamingPipelineFixture : PipelineWithBrowserFixture<LivePipeline>
{
    protected override LivePipeline StartPipeline() => LivePipeline.Start(fps: 15);
}
