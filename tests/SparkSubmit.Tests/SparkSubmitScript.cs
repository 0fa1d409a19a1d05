using System.Diagnostics;
using SparkVideo.Testing;

namespace SparkVideo.SparkSubmit.Tests;

/// <summary>Runs the repository's spark-submit.ps1 under the pinned PowerShell tool (dotnet tool restore).</summary>
public static class SparkSubmitScript
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(FakeSparkInstall install, IDictionary<string, string?> environment, params string[] args)
    {
        var repo = RepoPaths.Root;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(repo, "spark-submit.ps1") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        // A clean slate: the script must find everything from what the test gives it.
        start.Environment["SPARK_HOME"] = null;
        start.Environment["DOTNET_WORKER_DIR"] = null;
        start.Environment["JAVA_HOME"] = null;
        start.Environment["NUGET_PACKAGES"] = Path.Combine(install.Root, "nuget");
        // Only dotnet itself on PATH, so a java installed on this machine cannot stand in for the JDK under test.
        start.Environment["PATH"] = Path.GetDirectoryName(Environment.ProcessPath);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("spark-submit.ps1 did not finish in 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
