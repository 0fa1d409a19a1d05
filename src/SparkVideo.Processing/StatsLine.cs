using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SparkVideo.Processing;

/// <summary>
/// The job's periodic summary line, written here and read here (the soak, the bench and the tests parse it with
/// <see cref="TryParse"/>):
/// <c>[stats] 10.0 frames/s | latency p50 41 ms, p99 77 ms | processed 1200 | rejected 3 | dropped 0</c>, then, when
/// they apply, <c>| camera clock ahead N</c>, <c>| inferences N</c> and <c>| deleted N</c>. A null part is left out.
/// </summary>
public sealed partial record StatsLine(
    double FramesPerSecond,
    double? P50Ms,
    double? P99Ms,
    long Processed,
    long Rejected,
    long? Dropped = null,
    long? CameraClockAhead = null,
    long? Inferences = null,
    long? Deleted = null)
{
    public const string Prefix = "[stats] ";

    /// <summary>Whether a line of the job's output is a summary line.</summary>
    public static bool IsStatsLine(string line) => line.StartsWith(Prefix, StringComparison.Ordinal);

    public string Format()
    {
        var line = new StringBuilder(Prefix)
            .Append(CultureInfo.InvariantCulture, $"{FramesPerSecond:F1} frames/s | ")
            .Append(P50Ms is { } p50 && P99Ms is { } p99
                ? string.Create(CultureInfo.InvariantCulture, $"latency p50 {p50:F0} ms, p99 {p99:F0} ms")
                : "latency n/a")
            .Append(CultureInfo.InvariantCulture, $" | processed {Processed} | rejected {Rejected}");
        Append(line, "dropped", Dropped);
        Append(line, "camera clock ahead", CameraClockAhead);
        Append(line, "inferences", Inferences);
        Append(line, "deleted", Deleted);
        return line.ToString();
    }

    public override string ToString() => Format();

    /// <summary>The numbers of a summary line; null for any other line.</summary>
    public static StatsLine? TryParse(string line)
    {
        var match = Shape().Match(line);
        if (!match.Success)
        {
            return null;
        }
        return new StatsLine(
            double.Parse(match.Groups["fps"].Value, CultureInfo.InvariantCulture),
            Number(match, "p50"),
            Number(match, "p99"),
            long.Parse(match.Groups["processed"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["rejected"].Value, CultureInfo.InvariantCulture),
            Count(match, "dropped"),
            Count(match, "ahead"),
            Count(match, "inferences"),
            Count(match, "deleted"));
    }

    private static void Append(StringBuilder line, string name, long? value)
    {
        if (value is { } n)
        {
            line.Append(CultureInfo.InvariantCulture, $" | {name} {n}");
        }
    }

    private static double? Number(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    private static long? Count(Match match, string group) =>
        match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^\[stats\] (?<fps>\d+\.\d) frames/s \| (?:latency p50 (?<p50>-?\d+) ms, p99 (?<p99>-?\d+) ms|latency n/a) \| processed (?<processed>\d+) \| rejected (?<rejected>\d+)(?: \| dropped (?<dropped>\d+))?(?: \| camera clock ahead (?<ahead>\d+))?(?: \| inferences (?<inferences>\d+))?(?: \| deleted (?<deleted>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
