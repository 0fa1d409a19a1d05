using System.Globalization;

namespace SparkVideo.Frames.Output;

/// <summary>
/// One line of rejects.log, written by the UDF side and read by the live view: tab-separated
/// <c>logged-at (ISO 8601) · frame timestamp or "-" · reason · printable excerpt</c>.
/// </summary>
public sealed record RejectsLogLine(string LoggedAt, string Timestamp, string Reason, string Excerpt)
{
    public const string NoTimestamp = "-";

    public static RejectsLogLine Now(double? timestamp, string reason, string excerpt) => new(
        DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        timestamp is { } t ? t.ToString("R", CultureInfo.InvariantCulture) : NoTimestamp,
        reason,
        excerpt);

    public string Format() => string.Join('\t', LoggedAt, Timestamp, Reason, Excerpt);

    /// <summary>Reads a line back; a short line (a file cut by rotation) keeps what it has.</summary>
    public static RejectsLogLine Parse(string line)
    {
        var fields = line.Split('\t', 4);
        return new RejectsLogLine(
            fields[0],
            fields.Length > 1 ? fields[1] : NoTimestamp,
            fields.Length > 2 ? fields[2] : "(no reason)",
            fields.Length > 3 ? fields[3] : "");
    }
}
