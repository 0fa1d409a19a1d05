using System.Globalization;

namespace SparkVideo.Soak.Cameras;

/// <summary>The machine's one-minute load average (/proc/loadavg), to tell a shared machine's contention from the job's own.</summary>
public static class LoadAverage
{
    public static double Read()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }
}
