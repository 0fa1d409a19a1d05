namespace SparkVideo.Demo.Display;

/// <summary>
/// The job's stdout as the demo shows it: every Nth batch table (<see cref="BatchTableFilter"/>), each line
/// prefixed with <c>[job]</c>, and the live view's address left out when the demo printed it already.
/// </summary>
internal sealed class JobConsole(int showBatches, string? liveViewAnnounced)
{
    private readonly BatchTableFilter _batches = new(showBatches);
    private readonly object _gate = new();

    public void WriteLine(string line)
    {
        if (liveViewAnnounced is not null && line == "Live view: " + liveViewAnnounced)
        {
            return;
        }
        lock (_gate)
        {
            foreach (var shown in _batches.Accept(line))
            {
                Console.WriteLine("[job] " + shown);
            }
        }
    }
}
