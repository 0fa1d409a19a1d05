namespace SparkVideo.Frames;

/// <summary>
/// The lines the programs print when they are ready, which the demo, the tests, the bench and the soak wait for:
/// written and matched through this one class.
/// </summary>
public static class ProgramLines
{
    /// <summary>The camera server is listening and waits for its consumer.</summary>
    public const string WaitingForConnection = "Waiting for connection...";

    /// <summary>The job's query is running.</summary>
    public const string JobStarted = "Started processing the stream!";

    private const string ListeningPrefix = "Listening on ";
    private const string PreviewPrefix = "Preview: ";

    public static string Listening(string endpoint) => ListeningPrefix + endpoint;

    public static bool IsListening(string line, string endpoint) => line == Listening(endpoint);

    public static string Preview(Uri streamUrl) => PreviewPrefix + streamUrl;

    /// <summary>The preview URL of a "Preview: URL" line, or null for any other line.</summary>
    public static string? PreviewUrlOf(string line) =>
        line.StartsWith(PreviewPrefix, StringComparison.Ordinal) ? line[PreviewPrefix.Length..] : null;
}
