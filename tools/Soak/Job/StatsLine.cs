using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.Soak.Job;

/// <summary>
/// The numbers of one of the job's summary lines:
/// <c>[stats] 10.0 frames/s | latency p50 41 ms, p99 77 ms | processed 1200 | rejected 3 | dropped 0 | deleted 5</c>.
/// </summary>
public sealed partial record StatsLine(long Processed, long Rejected, long Deleted, double? P50Ms, double? P99Ms)
{
    public static StatsLine? TryParse(string line)
    {
        if (!line.StartsWith("[stats] ", StringComparison.Ordinal) || Count(line, "processed") is not { } processed)
        {
            return null;
        }
        var latency = Latency().Match(line);
        return new StatsLine(processed, Count(line, "rejected") ?? 0, Count(line, "deleted") ?? 0,
            latency.Success ? double.Parse(latency.Groups["p50"].Value, CultureInfo.InvariantCulture) : null,
            latency.Success ? double.Parse(latency.Groups["p99"].Value, CultureInfo.InvariantCulture) : null);
    }

    private static long? Count(string line, string name)
    {
        var match = Regex.Match(line, $@"\| {name} (?<n>\d+)", RegexOptions.CultureInvariant);
        return match.Success ? long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"latency p50 (?<p50>\d+) ms, p99 (?<p99>\d+) ms", RegexOptions.CultureInvariant)]
    private static partial Regex Latency();
}
