using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.Processing.Rejects;

/// <summary>
/// The job's stderr lines about rejects, written here and read back here, so the programs that count rejects
/// from the job's output (the tests, the soak) follow the same format the job prints.
/// </summary>
public static partial class RejectEchoLines
{
    private const string RejectedPrefix = "Rejected frame (timestamp ";

    /// <summary>One reject: <c>Rejected frame (timestamp T): reason</c>.</summary>
    public static string Rejected(string timestamp, string reason) => $"{RejectedPrefix}{timestamp}): {reason}";

    /// <summary>The rejects of one second that were not printed one by one.</summary>
    public static string MoreRejected(long count) => string.Create(CultureInfo.InvariantCulture, $"... and {count} more rejected");

    /// <summary>How many rejects one stderr line of the job stands for (0 for any other line).</summary>
    public static int CountIn(string line) =>
        line.StartsWith(RejectedPrefix, StringComparison.Ordinal) ? 1
        : MoreRejectedLine().Match(line) is { Success: true } more ? int.Parse(more.Groups["count"].Value, CultureInfo.InvariantCulture)
        : 0;

    [GeneratedRegex(@"^\.\.\. and (?<count>\d+) more rejected$")]
    private static partial Regex MoreRejectedLine();
}
