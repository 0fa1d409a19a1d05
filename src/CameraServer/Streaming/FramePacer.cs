using System.Diagnostics;

namespace SparkVideo.CameraServer.Streaming;

/// <summary>
/// Paces frames on an absolute schedule: frame k is due at start + k / fps on a monotonic clock, so waiting
/// errors never accumulate into drift. A frame that is late (a hiccup such as a slow read) is due at once, so the
/// schedule catches up; when more than <see cref="MaxCatchUp"/> behind (a source slower than --fps), the missed
/// slots are skipped instead of being sent in a burst. Either way the schedule stays on its grid.
/// </summary>
internal sealed class FramePacer
{
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(1);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly double _periodSeconds;
    private double _startSeconds;
    private long _nextSlot;

    public FramePacer(double fps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fps);
        _periodSeconds = 1.0 / fps;
    }

    /// <summary>Starts a new schedule now (after a pause with no consumer); slot 0 is due at once.</summary>
    public void Restart()
    {
        _startSeconds = _clock.Elapsed.TotalSeconds;
        _nextSlot = 0;
    }

    /// <summary>Waits for the next slot; false when cancelled.</summary>
    public bool WaitForNextSlot(CancellationToken cancellation)
    {
        var wait = SecondsUntilNextSlot();
        if (wait > 0 && cancellation.WaitHandle.WaitOne((int)Math.Ceiling(wait * 1000)))
        {
            return false;
        }
        _nextSlot++;
        return !cancellation.IsCancellationRequested;
    }

    /// <summary>For sources that deliver at their own rate: true (and consumes the slot) when a slot is due now.</summary>
    public bool TryClaimSlot()
    {
        if (SecondsUntilNextSlot() > 0)
        {
            return false;
        }
        _nextSlot++;
        return true;
    }

    private double SecondsUntilNextSlot()
    {
        var elapsed = _clock.Elapsed.TotalSeconds - _startSeconds;
        if (elapsed - _nextSlot * _periodSeconds > MaxCatchUp.TotalSeconds)
        {
            _nextSlot = (long)Math.Floor(elapsed / _periodSeconds);
        }
        return _nextSlot * _periodSeconds - elapsed;
    }
}
