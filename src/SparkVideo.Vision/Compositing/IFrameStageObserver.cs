namespace SparkVideo.Vision.Compositing;

/// <summary>
/// Told how long each stage of a frame took (Stopwatch ticks), as it finishes; the pipeline bench's way to time the
/// frame path the UDF runs. Called on the thread that processes the frame.
/// </summary>
public interface IFrameStageObserver
{
    void Completed(FrameStage stage, long elapsedTicks);
}
