using System.Globalization;

namespace SparkVideo.ChildProcesses;

/// <summary>What a process holds, read from /proc (Linux only): open file descriptors and threads.</summary>
public static class ProcessResources
{
    /// <summary>Entries of /proc/PID/fd (files, sockets, pipes, ...), or null when the process is gone.</summary>
    public static int? OpenFileDescriptors(int pid)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd").Count();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The Threads: line of /proc/PID/status, or null when the process is gone.</summary>
    public static int? Threads(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    return int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process exited.
        }
        return null;
    }
}
