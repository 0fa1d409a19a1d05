using System.Text.RegularExpressions;

namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>Reads the camera server's progress lines: its port, and how many frames it sent and dropped.</summary>
public static partial class CameraOutput
{
    public static bool IsListening(string line) => ListeningLine().IsMatch(line);

    public static int Port(string listeningLine) =>
        int.Parse(ListeningLine().Match(listeningLine).Groups["port"].Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// Sent and dropped counts of one consumer session, from "Sent N frames (dropped D)" (progress, every 10 frames; a network camera adds its counts after a ";")
    /// or "Consumer disconnected: ... (sent N frames, dropped D; ...)" (final; <paramref name="sessionEnded"/>).
    /// </summary>
    public static bool TryReadCounts(string line, out long sent, out long dropped, out bool sessionEnded)
    {
        var match = DisconnectedLine().Match(line);
        sessionEnded = match.Success;
        if (!match.Success)
        {
            match = ProgressLine().Match(line);
        }
        sent = match.Success ? long.Parse(match.Groups["sent"].Value, CultureInfo.InvariantCulture) : 0;
        dropped = match.Success ? long.Parse(match.Groups["dropped"].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }

    [GeneratedRegex(@"^Listening on 127\.0\.0\.1:(?<port>\d+)$")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^Consumer disconnected: .*\(sent (?<sent>\d+) frames, dropped (?<dropped>\d+);")]
    private static partial Regex DisconnectedLine();

    [GeneratedRegex(@"^Sent (?<sent>\d+) frames \(dropped (?<dropped>\d+)(?:; [^)]*)?\)$")]
    private static partial Regex ProgressLine();
}
