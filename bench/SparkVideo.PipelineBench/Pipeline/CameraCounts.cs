namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>
/// Frames the camera server sent and dropped, summed over consumer sessions (the job reconnects if its connection
/// drops, and each session counts from zero). Fed from the camera's output thread; read after it exits.
/// </summary>
public sealed class CameraCounts
{
    private readonly object _gate = new();
    private long _endedSent, _endedDropped, _currentSent, _currentDropped;

    public long Sent { get { lock (_gate) { return _endedSent + _currentSent; } } }

    public long Dropped { get { lock (_gate) { return _endedDropped + _currentDropped; } } }

    /// <summary>Consumer sessions that ended; more than one in a run means the job reconnected.</summary>
    public int SessionsEnded { get; private set; }

    public void Observe(string line)
    {
        if (!CameraOutput.TryReadCounts(line, out var sent, out var dropped, out var ended))
        {
            return;
        }
        lock (_gate)
        {
            if (ended)
            {
                _endedSent += sent;
                _endedDropped += dropped;
                _currentSent = _currentDropped = 0;
                SessionsEnded++;
            }
            else
            {
                _currentSent = sent;
                _currentDropped = dropped;
            }
        }
    }
}
