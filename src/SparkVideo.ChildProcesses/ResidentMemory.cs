using System.Globalization;

namespace SparkVideo.ChildProcesses;

/// <summary>Resident memory of a process, read from /proc/&lt;pid&gt;/status (Linux only).</summary>
public static class ResidentMemory
{
    /// <summary>VmRSS in bytes, or null when the process is gone or /proc cannot be read.</summary>
    public static long? Bytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process exited between samples.
        }
        return null;
    }

    /// <summary>VmRSS in MiB, or null as for <see cref="Bytes"/>.</summary>
    public static double? MiB(int pid) => Bytes(pid) / (1024.0 * 1024.0);
}
