namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>CPU time (user + system) a process has used so far, read from /proc/&lt;pid&gt;/stat (Linux only).</summary>
public static class ProcCpu
{
    /// <summary>USER_HZ: the unit of utime/stime. 100 on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    public static double? Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may contain spaces; every later field follows the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
