namespace SparkVideo.CameraServer.Sources;

/// <summary>
/// What a live network source reports into the periodic "Sent N frames" line: how often the camera was lost, and
/// how many of its frames were replaced by a newer one before they could be encoded (stale, dropped).
/// </summary>
internal sealed class SourceCounters
{
    private long _lost;
    private long _stale;

    public long Lost => Interlocked.Read(ref _lost);

    public long Stale => Interlocked.Read(ref _stale);

    public void CameraLost() => Interlocked.Increment(ref _lost);

    public void StaleFrames(long count) => Interlocked.Add(ref _stale, count);

    /// <summary>"camera lost 1 time, 3 stale frames", or null while there is nothing to say.</summary>
    public string? Describe()
    {
        var lost = Lost;
        var stale = Stale;
        if (lost == 0 && stale == 0)
        {
            return null;
        }
        return $"camera lost {lost} {(lost == 1 ? "time" : "times")}, {stale} stale {(stale == 1 ? "frame" : "frames")}";
    }
}
