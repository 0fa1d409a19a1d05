namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>Resident memory of a process, read from /proc/&lt;pid&gt;/status (Linux only).</summary>
public static class ProcMemory
{
    /// <summary>VmRSS in MiB, or null when the process is gone or /proc is not available.</summary>
    public static double? ResidentMiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    return kib / 1024.0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process exited between samples.
        }
        return null;
    }
}
