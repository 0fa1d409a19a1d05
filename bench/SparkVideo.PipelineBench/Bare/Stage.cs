namespace SparkVideo.PipelineBench.Bare;

/// <summary>The stages of one frame in the in-process loop, in order: <see cref="SparkVideo.Vision.Compositing.FrameStage"/>'s, then the write.</summary>
public enum Stage
{
    Decode,
    Segment,
    Composite,
    Encode,
    Write,
}
