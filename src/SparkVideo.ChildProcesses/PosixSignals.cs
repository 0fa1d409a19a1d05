using System.Diagnostics;
using System.Globalization;

namespace SparkVideo.ChildProcesses;

/// <summary>Sends POSIX signals to a process, which .NET's Process API cannot do (it only kills).</summary>
internal static class PosixSignals
{
    public const int Interrupt = 2;
    public const int Terminate = 15;

    // Linux's numbers; only read by the ignore check, which SIGCONT never fails and SIGSTOP cannot (it cannot be ignored).
    public const int Continue = 18;
    public const int Stop = 19;

    /// <summary>Sends SIG<paramref name="name"/>; throws when the platform, the target or kill(1) prevents it.</summary>
    public static void Send(int processId, string name, int signalNumber, bool wholeGroup = false)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("sending POSIX signals needs Linux or macOS");
        }
        if (Ignores(processId, signalNumber))
        {
            // Children started through ChildProcess never inherit an ignored SIGINT (InterruptInheritance); a
            // process started otherwise from a background job can, and keeps it ignored: the signal could never arrive.
            throw new SignalIgnoredException(
                $"process {processId} ignores SIG{name} (it was started with SIG{name} ignored); stop it with SIGTERM");
        }
        var target = processId.ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("kill", wholeGroup ? ["-" + name, "--", "-" + target] : ["-" + name, target])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{name} {processId} failed with exit code {kill.ExitCode}");
        }
    }

    public static bool Ignores(int processId, int signalNumber)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return false;
        }
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal))
            {
                var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                return (mask & (1UL << (signalNumber - 1))) != 0;
            }
        }
        return false;
    }
}
