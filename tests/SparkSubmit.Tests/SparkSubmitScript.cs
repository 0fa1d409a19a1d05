using System.Diagnostics;
using SparkVideo.ChildProcesses;

namespace SparkVideo.SparkSubmit.Tests;

/// <summary>Runs the repository's spark-submit.ps1 under the pinned PowerShell tool (dotnet tool restore).</summary>
public static class SparkSubmitScript
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>The shell a command line is written for.</summary>
    public enum Shell
    {
        /// <summary>Typed at a PowerShell prompt: <c>pwsh -Command</c>.</summary>
        PowerShell,

        /// <summary>Typed at a bash prompt: <c>bash -c</c>.</summary>
        Bash,
    }

    /// <summary><c>pwsh -File spark-submit.ps1 args</c>: each argument reaches the script as given, a literal <c>--</c> included.</summary>
    public static Result Run(FakeSparkInstall install, IDictionary<string, string?> environment, params string[] args) =>
        Start(install, environment, ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", Path.Combine(RepoPaths.Root, "spark-submit.ps1"), .. args]);

    /// <summary>A command line exactly as a user types it, from the repository root, in the given shell.</summary>
    public static Result RunCommandLine(FakeSparkInstall install, IDictionary<string, string?> environment, Shell shell, string commandLine) =>
        shell == Shell.PowerShell
            ? Start(install, environment, ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", commandLine])
            : Start(install, environment, ["-c", commandLine], program: "bash");

    private static Result Start(FakeSparkInstall install, IDictionary<string, string?> environment, IEnumerable<string> arguments, string? program = null)
    {
        var start = new ProcessStartInfo(program ?? Environment.ProcessPath!)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }
        // A clean slate: the script must find everything from what the test gives it.
        start.Environment["SPARK_HOME"] = null;
        start.Environment["DOTNET_WORKER_DIR"] = null;
        start.Environment["JAVA_HOME"] = null;
        start.Environment["NUGET_PACKAGES"] = Path.Combine(install.Root, "nuget");
        // Only the install's stand-in tools and dotnet itself on PATH, so a java installed on this machine cannot
        // stand in for the JDK under test.
        start.Environment["PATH"] = string.Join(Path.PathSeparator, install.ToolsDir, Path.GetDirectoryName(Environment.ProcessPath));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("spark-submit.ps1 did not finish in 90 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
