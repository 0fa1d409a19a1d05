namespace SparkVideo.ChildProcesses;

/// <summary>How a <see cref="ChildProcess"/> is started and how much of its output it keeps; every part is optional.</summary>
public sealed record ChildProcessOptions
{
    /// <summary>The child's working directory; the repository root when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// A program and its arguments that <c>dotnet</c> is started through (it must exec it, as <c>nsenter ... --</c>
    /// does, so the child's id and signals stay the program's); null starts dotnet directly.
    /// </summary>
    public IReadOnlyList<string>? RunThrough { get; init; }

    /// <summary>Variables added to (or replacing in) the environment the child inherits.</summary>
    public IEnumerable<KeyValuePair<string, string>>? Environment { get; init; }

    /// <summary>
    /// When set, every line is also written to this process's own stdout or stderr as <c>[name] line</c>, as the
    /// demo shows its programs side by side.
    /// </summary>
    public string? ForwardAs { get; init; }

    /// <summary>Sees every stdout line as it is read (on a reader thread).</summary>
    public Action<string>? OnStdoutLine { get; init; }

    /// <summary>Sees every stderr line as it is read (on a reader thread).</summary>
    public Action<string>? OnStderrLine { get; init; }

    /// <summary>
    /// The most lines kept per stream, the oldest dropped first; null keeps them all (fine for a test, not for a
    /// run of hours, whose memory must stay flat).
    /// </summary>
    public int? MaxLinesKept { get; init; }
}
