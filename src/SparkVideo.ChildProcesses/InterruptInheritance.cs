using System.Runtime.InteropServices;

namespace SparkVideo.ChildProcesses;

/// <summary>
/// Starts children that handle SIGINT even when this process ignores it. A background job of a non-interactive
/// shell (<c>cmd &amp;</c>, <c>setsid cmd &amp;</c>, a CI runner without a terminal) starts with SIGINT ignored;
/// a child inherits that across exec, and .NET keeps an inherited SIG_IGN, so Ctrl+C sent to the child later
/// could never arrive. While a child is started the disposition is set to default, so the child begins with it
/// and installs its own handler; this process goes back to ignoring SIGINT right after (Linux, where /proc says
/// what is ignored; elsewhere children inherit the disposition unchanged).
/// </summary>
internal static class InterruptInheritance
{
    private static readonly IntPtr DefaultAction = 0;
    private static readonly IntPtr IgnoreAction = 1;
    private static readonly object Gate = new();

    public static T StartWithDefaultInterrupt<T>(Func<T> start)
    {
        if (!OperatingSystem.IsLinux() || !PosixSignals.Ignores(Environment.ProcessId, PosixSignals.Interrupt))
        {
            return start();
        }
        // One start at a time, so no start restores SIG_IGN while another is between fork and exec.
        lock (Gate)
        {
            SetAction(PosixSignals.Interrupt, DefaultAction);
            try
            {
                return start();
            }
            finally
            {
                SetAction(PosixSignals.Interrupt, IgnoreAction);
            }
        }
    }

    // SIG_DFL and SIG_IGN carry no flags or handler, so signal(2) sets them as completely as sigaction(2) would.
    private static void SetAction(int signalNumber, IntPtr action)
    {
        if (Signal(signalNumber, action) == -1)
        {
            throw new InvalidOperationException($"signal({signalNumber}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "signal", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr Signal(int signalNumber, IntPtr action);
}
