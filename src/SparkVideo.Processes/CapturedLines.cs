namespace SparkVideo.Processes;

/// <summary>
/// One output stream of a <see cref="ChildProcess"/>: its lines (all, or the newest <c>maxKept</c>) with
/// indexes that count every line ever read. Not thread-safe: the owner holds its lock.
/// </summary>
internal sealed class CapturedLines(int? maxKept)
{
    private readonly List<string> kept = [];

    /// <summary>Lines dropped from the front to respect the cap.</summary>
    private int dropped;

    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every line read so far, including dropped ones.</summary>
    public int Count => dropped + kept.Count;

    /// <summary>The index of the oldest line still kept.</summary>
    public int FirstKept => dropped;

    public string this[int index] => kept[index - dropped];

    public IReadOnlyList<string> Snapshot() => [.. kept];

    public IEnumerable<string> Last(int lines) => kept.TakeLast(lines);

    public void Add(string line)
    {
        kept.Add(line);
        if (maxKept is { } max && kept.Count > max)
        {
            var excess = kept.Count - max;
            kept.RemoveRange(0, excess);
            dropped += excess;
        }
    }
}
