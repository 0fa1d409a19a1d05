namespace SparkVideo.ChildProcesses;

/// <summary>
/// One output stream of a <see cref="ChildProcess"/>: its lines (all, or the newest <c>maxKept</c>) with
/// indexes that count every line ever read. Not thread-safe: the owner holds its lock.
/// </summary>
internal sealed class CapturedLines(int? maxKept)
{
    private readonly List<string> _kept = [];

    /// <summary>Lines dropped from the front to respect the cap.</summary>
    private int _dropped;

    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every line read so far, including dropped ones.</summary>
    public int Count => _dropped + _kept.Count;

    /// <summary>The index of the oldest line still kept.</summary>
    public int FirstKept => _dropped;

    public string this[int index] => _kept[index - _dropped];

    public IReadOnlyList<string> Snapshot() => [.. _kept];

    public IEnumerable<string> Last(int lines) => _kept.TakeLast(lines);

    public void Add(string line)
    {
        _kept.Add(line);
        if (maxKept is { } max && _kept.Count > max)
        {
            var excess = _kept.Count - max;
            _kept.RemoveRange(0, excess);
            _dropped += excess;
        }
    }
}
