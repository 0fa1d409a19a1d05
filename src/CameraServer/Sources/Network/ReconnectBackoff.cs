namespace SparkVideo.CameraServer.Sources.Network;

/// <summary>Waits between attempts to reach a lost camera: 0.5 s, doubling after each failure, never more than the cap.</summary>
internal sealed class ReconnectBackoff(TimeSpan max)
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(0.5);

    private TimeSpan _next = First < max ? First : max;

    /// <summary>The wait before the next attempt; each call doubles the one after, up to the cap.</summary>
    public TimeSpan Next()
    {
        var wait = _next;
        _next = wait * 2 < max ? wait * 2 : max;
        return wait;
    }

    /// <summary>The camera delivered a frame: the next loss starts again from the first wait.</summary>
    public void Reset() => _next = First < max ? First : max;
}
