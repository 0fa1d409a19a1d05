using System.Diagnostics;

namespace SparkVideo.Job.Tests;

/// <summary>
/// Runs a program with some files made to vanish for it alone: in a private mount namespace (<c>unshare -m</c>),
/// each file's directory is covered by an overlay whose upper layer holds a whiteout for the file. The loader
/// then really cannot find it, as on a machine without it; nothing changes for any other process.
/// Needs Linux, root and util-linux's unshare (see <see cref="UnavailableReason"/>).
/// </summary>
public static class HiddenFiles
{
    private const string Script = """
        set -e
        layers=$1; shift
        count=$1; shift
        for i in $(seq 1 "$count"); do
          file=$1; shift
          mkdir -p "$layers/$i/up" "$layers/$i/work"
          mknod "$layers/$i/up/$(basename "$file")" c 0 0
          dir=$(dirname "$file")
          mount -t overlay overlay -o "lowerdir=$dir,upperdir=$layers/$i/up,workdir=$layers/$i/work" "$dir"
        done
        exec "$@"
        """;

    /// <summary>Each pair is a file and what to mount over it (bind mounts), then the program.</summary>
    private const string ReplaceScript = """
        set -e
        count=$1; shift
        for i in $(seq 1 "$count"); do
          mount --bind "$2" "$1"; shift 2
        done
        exec "$@"
        """;

    private static readonly Lazy<string?> Unavailable = new(FindUnavailableReason);

    /// <summary>Null where hiding works here; otherwise why not (the tests that need it are skipped with it).</summary>
    public static string? UnavailableReason => Unavailable.Value;

    /// <summary>Runs <c>dotnet <paramref name="dll"/> args</c> with <paramref name="hidden"/> (absolute paths) absent.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunDotnet(IReadOnlyList<string> hidden, string dll, params string[] arguments)
    {
        var layers = Directory.CreateTempSubdirectory("sparkvideo-hidden-").FullName;
        try
        {
            return Run("unshare", ["-m", "bash", "-c", Script, "hide", layers, hidden.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. hidden, DotnetHost(), dll, .. arguments]);
        }
        finally
        {
            Directory.Delete(layers, recursive: true);
        }
    }

    /// <summary>
    /// Runs <c>dotnet <paramref name="dll"/> args</c> with each file of <paramref name="replaced"/> showing the content of
    /// its replacement instead (a bind mount in a private mount namespace): present, but not what it should be.
    /// </summary>
    public static (int ExitCode, string Stdout, string Stderr) RunDotnetWithReplaced(
        IReadOnlyList<(string File, string Replacement)> replaced, string dll, params string[] arguments) =>
        Run("unshare", [
            "-m", "bash", "-c", ReplaceScript, "replace", replaced.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. replaced.SelectMany(pair => new[] { pair.File, pair.Replacement }), DotnetHost(), dll, .. arguments]);

    /// <summary>The file the dynamic loader finds for <paramref name="soname"/> (from <c>ldconfig -p</c>), or null.</summary>
    public static string? SystemLibrary(string soname)
    {
        var (exitCode, stdout, _) = Run("ldconfig", ["-p"]);
        if (exitCode != 0)
        {
            return null;
        }
        return stdout.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(soname + " ", StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf("=> ", StringComparison.Ordinal) + 3)..])
            .FirstOrDefault(File.Exists);
    }

    private static string? FindUnavailableReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "hiding a file needs a Linux mount namespace";
        }
        try
        {
            var (exitCode, _, stderr) = Run("unshare", ["-m", "true"]);
            return exitCode == 0 ? null : $"unshare -m is not permitted here (needs root): {stderr.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"unshare is not installed: {e.Message}";
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} did not exit within 30 s\n--- stderr ---\n{stderr.GetAwaiter().GetResult()}\n--- stdout ---\n{stdout.GetAwaiter().GetResult()}");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
