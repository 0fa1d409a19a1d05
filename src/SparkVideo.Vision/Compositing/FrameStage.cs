namespace SparkVideo.Vision.Compositing;

/// <summary>The stages of <see cref="BackgroundRemover"/>'s work on one frame, in order.</summary>
public enum FrameStage
{
    Decode,
    Segment,
    Composite,
    Encode,
}
