using System.Runtime.InteropServices;

namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>Sends SIGINT to a child, which .NET's Process API cannot do (it only kills).</summary>
internal static class PosixSignals
{
    private const int SigInt = 2;

    public static bool Interrupt(int pid) => kill(pid, SigInt) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
