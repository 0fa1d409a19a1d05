using System.Globalization;

namespace SparkVideo.ChildProcesses;

/// <summary>A process's counters from /proc/&lt;pid&gt;/stat (Linux only): CPU time and minor page faults.</summary>
public static class ProcessStat
{
    /// <summary>USER_HZ: the unit of utime/stime. 100 on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    // Indexes among the fields after the command name: minflt is the stat line's 10th field, utime and stime its 14th and 15th.
    private const int MinorFaultsField = 7;
    private const int UserTimeField = 11;
    private const int SystemTimeField = 12;

    /// <summary>CPU time (user + system) used so far in seconds, or null when the process is gone or /proc cannot be read.</summary>
    public static double? CpuSeconds(int pid) =>
        Fields(pid) is { } fields ? (Parse(fields[UserTimeField]) + Parse(fields[SystemTimeField])) / TicksPerSecond : null;

    /// <summary>Page faults served without reading from disk so far (a fresh page mapped, for one), or null as above.</summary>
    public static long? MinorFaults(int pid) => Fields(pid) is { } fields ? Parse(fields[MinorFaultsField]) : null;

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may contain spaces; every later field follows the last ')'.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Parse(string field) => long.Parse(field, CultureInfo.InvariantCulture);
}
