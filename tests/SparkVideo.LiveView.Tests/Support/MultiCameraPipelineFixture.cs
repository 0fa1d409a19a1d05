namespace SparkVideo.LiveView.Tests.Support;

/// <summary>One endless two-camera run and one headless Chromium, shared by the tests of a class.</summary>
public sealed class MultiCameraPipelineFixture : PipelineWithBrowserFixture<MultiCameraLivePipeline>
{
    protected override MultiCameraLivePipeline StartPipeline() => MultiCameraLivePipeline.Start();
}
