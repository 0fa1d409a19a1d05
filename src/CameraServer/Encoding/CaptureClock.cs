using System.Diagnostics;

namespace SparkVideo.CameraServer.Encoding;

/// <summary>
/// Unix-seconds capture timestamps that never go backwards: the wall clock is read once, then advanced by a
/// monotonic Stopwatch, so NTP steps cannot reorder frames. Equal readings are nudged forward by a microsecond
/// so timestamps are strictly increasing.
/// </summary>
internal sealed class CaptureClock
{
    private const double MinStepSeconds = 1e-6;

    private readonly double _anchorUnixSeconds = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
    private readonly Stopwatch _sinceAnchor = Stopwatch.StartNew();
    private double _last;

    public double Next()
    {
        var now = _anchorUnixSeconds + _sinceAnchor.Elapsed.TotalSeconds;
        _last = now > _last ? now : _last + MinStepSeconds;
        return _last;
    }
}
