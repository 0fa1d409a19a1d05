using System.Globalization;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Testing;

/// <summary>
/// A real, small file system (tmpfs of a few hundred KiB) mounted on a folder in a private mount namespace, so that
/// no other process sees it and nothing outlives the test: a holder process (<c>unshare -m</c>) mounts it and
/// sleeps; programs run inside its namespace through <c>nsenter</c>, and the test reads the volume's files through
/// <c>/proc/HOLDER/root</c>. Needs Linux, root and util-linux (see <see cref="UnavailableReason"/>).
/// </summary>
public sealed class SmallVolume : IDisposable
{
    private const string HolderScript = """mount -t tmpfs -o "size=$2k" tmpfs "$1" && echo mounted && exec sleep 3600""";

    private static readonly Lazy<string?> Unavailable = new(FindUnavailableReason);

    private readonly ChildProcess _holder;

    private SmallVolume(ChildProcess holder, string mountPoint)
    {
        _holder = holder;
        MountPoint = mountPoint;
    }

    /// <summary>Null where a small volume can be mounted here; otherwise why not (the tests that need one are skipped with it).</summary>
    public static string? UnavailableReason => Unavailable.Value;

    /// <summary>The folder the volume is mounted on, as programs inside the namespace see it.</summary>
    public string MountPoint { get; }

    /// <summary>Mounts a tmpfs of <paramref name="sizeKiB"/> on <paramref name="mountPoint"/> (created if missing).</summary>
    public static SmallVolume Mount(string mountPoint, int sizeKiB)
    {
        Directory.CreateDirectory(mountPoint);
        var holder = ChildProcess.StartCommandLine(
            $"exec unshare -m --propagation private sh -c '{HolderScript}' holder {Quote(mountPoint)} {sizeKiB.ToString(CultureInfo.InvariantCulture)}",
            new ChildProcessOptions());
        try
        {
            holder.WaitForLine(line => line == "mounted", TimeSpan.FromSeconds(20));
            return new SmallVolume(holder, mountPoint);
        }
        catch
        {
            holder.Dispose();
            throw;
        }
    }

    /// <summary>Where this process finds <paramref name="path"/> (a path inside the namespace) on the volume.</summary>
    public string FromHere(string path) => $"/proc/{_holder.Id.ToString(CultureInfo.InvariantCulture)}/root{Path.GetFullPath(path)}";

    /// <summary>The command that runs a program inside the namespace, in <paramref name="workingDirectory"/>.</summary>
    public IReadOnlyList<string> Enter(string workingDirectory) =>
        ["nsenter", "-t", _holder.Id.ToString(CultureInfo.InvariantCulture), "-m", "--wd=" + workingDirectory, "--"];

    /// <summary>Grows (or shrinks) the volume in place, as an operator who made room would.</summary>
    public void Resize(int sizeKiB)
    {
        using var remount = ChildProcess.StartCommandLine(
            $"{string.Join(' ', Enter("/"))} mount -o remount,size={sizeKiB.ToString(CultureInfo.InvariantCulture)}k {Quote(MountPoint)}", new ChildProcessOptions());
        var exitCode = remount.WaitForExit(TimeSpan.FromSeconds(20));
        if (exitCode != 0)
        {
            throw new IOException($"cannot resize the volume on {MountPoint}\n{remount.DescribeOutput()}");
        }
    }

    public void Dispose() => _holder.Dispose();

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? FindUnavailableReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "a small volume needs a Linux mount namespace";
        }
        try
        {
            var probe = Directory.CreateTempSubdirectory("sparkvideo-volume-probe-").FullName;
            try
            {
                using var run = ChildProcess.StartCommandLine(
                    $"unshare -m --propagation private sh -c 'mount -t tmpfs -o size=64k tmpfs \"$1\" && command -v nsenter' probe {Quote(probe)}",
                    new ChildProcessOptions());
                return run.WaitForExit(TimeSpan.FromSeconds(20)) == 0
                    ? null
                    : $"cannot mount a tmpfs in a private mount namespace here (needs root, unshare and nsenter): {string.Join(' ', run.StderrLines)}";
            }
            finally
            {
                Directory.Delete(probe);
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"setsid or bash is not installed: {e.Message}";
        }
    }
}
