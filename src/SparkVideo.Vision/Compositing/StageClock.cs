using System.Diagnostics;

namespace SparkVideo.Vision.Compositing;

/// <summary>Reports each stage's time to an observer; with none, it reads no clock.</summary>
internal struct StageClock(IFrameStageObserver? observer)
{
    private long _last = observer is null ? 0 : Stopwatch.GetTimestamp();

    public void Completed(FrameStage stage)
    {
        if (observer is null)
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        observer.Completed(stage, now - _last);
        _last = now;
    }
}
