namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>
/// Frames the camera server sent and dropped, summed over consumer sessions (the job reconnects if its connection
/// drops, and each session counts from zero). Fed from the camera's output thread; read after it exits.
/// </summary>
public sealed class CameraCounts
{
    private readonly object gate = new();
    private long endedSent, endedDropped, currentSent, currentDropped;

    public long Sent { get { lock (gate) { return endedSent + currentSent; } } }

    public long Dropped { get { lock (gate) { return endedDropped + currentDropped; } } }

    /// <summary>Consumer sessions that ended; more than one in a run means the job reconnected.</summary>
    public int SessionsEnded { get; private set; }

    public void Observe(string line)
    {
        if (!CameraOutput.TryReadCounts(line, out var sent, out var dropped, out var ended))
        {
            return;
        }
        lock (gate)
        {
            if (ended)
            {
                endedSent += sent;
                endedDropped += dropped;
                currentSent = currentDropped = 0;
                SessionsEnded++;
            }
            else
            {
                currentSent = sent;
                currentDropped = dropped;
            }
        }
    }
}
