using System.Diagnostics;

namespace CameraServer.Encoding;

/// <summary>
/// Unix-seconds capture timestamps that never go backwards: the wall clock is read once, then advanced by a
/// monotonic Stopwatch, so NTP steps cannot reorder frames. Equal readings are nudged forward by a microsecond
/// so timestamps are strictly increasing.
/// </summary>
internal sealed class CaptureClock
{
    private const double MinStepSeconds = 1e-6;

    private readonly double anchorUnixSeconds = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
    private readonly Stopwatch sinceAnchor = Stopwatch.StartNew();
    private double last;

    public double Next()
    {
        var now = anchorUnixSeconds + sinceAnchor.Elapsed.TotalSeconds;
        last = now > last ? now : last + MinStepSeconds;
        return last;
    }
}
