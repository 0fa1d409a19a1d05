using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.Engine.Sql;

/// <summary>The master URLs the engine runs: local, local[N], local[*].</summary>
internal static partial class LocalMaster
{
    /// <summary>Tasks run at once: N for local[N], the core count for local[*], 1 for local.</summary>
    public static int Parallelism(string master)
    {
        if (master == "local")
        {
            return 1;
        }
        Match m = LocalPattern().Match(master);
        if (!m.Success)
        {
            throw new NotSupportedException($"Master '{master}' is not supported by the embedded engine: use local, local[N] or local[*].");
        }
        string threads = m.Groups[1].Value;
        return threads == "*" ? Environment.ProcessorCount : int.Parse(threads, CultureInfo.InvariantCulture) switch
        {
            > 0 and var n => n,
            _ => throw new ArgumentException($"Asked to run locally with {threads} threads"),
        };
    }

    [GeneratedRegex(@"^local\[(\*|\d+)(?:,\s*\d+)?\]$")]
    private static partial Regex LocalPattern();
}
