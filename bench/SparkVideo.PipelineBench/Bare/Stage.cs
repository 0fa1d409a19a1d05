namespace SparkVideo.PipelineBench.Bare;

/// <summary>The stages of one frame in the in-process loop, in order.</summary>
public enum Stage
{
    Decode,
    Segment,
    Composite,
    Encode,
    Write,
}
