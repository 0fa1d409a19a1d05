using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.Testing;

/// <summary>
/// A program run as <c>dotnet program.dll args</c> with stdout and stderr captured line by line (thread-safe).
/// Waits fail fast with the captured output in the message when the process exits first. Disposing kills
/// the whole process tree if it is still running.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int OutputLinesInMessages = 40;

    private readonly Process process;
    private readonly object gate = new();
    private readonly List<string> stdout = [];
    private readonly List<string> stderr = [];
    private readonly TaskCompletionSource stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data, stdoutClosed);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data, stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>dotnet dllPath arguments</c> (working directory: the repository root unless given).</summary>
    public static ChildProcess StartDotnet(string dllPath, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException($"program not built: {dllPath} (reference its project from the test project)", dllPath);
        }
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dllPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        return new ChildProcess(new Process { StartInfo = startInfo });
    }

    /// <summary>Starts a program whose project the test project references: <c>dotnet &lt;test output&gt;/name.dll</c>.</summary>
    public static ChildProcess StartProgram(string assemblyName, params string[] arguments) =>
        StartDotnet(RepoPaths.InTestOutput(assemblyName + ".dll"), arguments);

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public IReadOnlyList<string> StdoutLines => Snapshot(stdout);

    public IReadOnlyList<string> StderrLines => Snapshot(stderr);

    /// <summary>
    /// Waits for a stdout line matching <paramref name="predicate"/>, scanning from line index
    /// <paramref name="fromLine"/> (earlier lines count too). Throws <see cref="TimeoutException"/> with the
    /// output when none appears in time or the process ends without one.
    /// </summary>
    public string WaitForLine(Func<string, bool> predicate, TimeSpan timeout, int fromLine = 0) =>
        WaitForLine(stdout, stdoutClosed, predicate, timeout, fromLine, "stdout");

    public string WaitForLine(Regex pattern, TimeSpan timeout, int fromLine = 0) =>
        WaitForLine(pattern.IsMatch, timeout, fromLine);

    public string WaitForStderrLine(Func<string, bool> predicate, TimeSpan timeout) =>
        WaitForLine(stderr, stderrClosed, predicate, timeout, 0, "stderr");

    /// <summary>Stdout lines captured so far; pass it as fromLine to wait for a line printed after this point.</summary>
    public int StdoutLineCount
    {
        get
        {
            lock (gate)
            {
                return stdout.Count;
            }
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C does.</summary>
    public void SendInterrupt() => SendSignal("INT", signalNumber: 2);

    /// <summary>Sends SIGTERM, as a service manager does.</summary>
    public void SendTerminate() => SendSignal("TERM", signalNumber: 15);

    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Waits for the process to exit and its output to be fully read; returns the exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout) || !Task.WaitAll([stdoutClosed.Task, stderrClosed.Task], TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException($"process {process.Id} did not exit within {timeout.TotalSeconds:0.#} s\n{DescribeOutput()}");
        }
        return process.ExitCode;
    }

    /// <summary>The last lines of stdout and stderr, for assertion messages.</summary>
    public string DescribeOutput()
    {
        lock (gate)
        {
            return "--- stdout (last lines) ---\n" + string.Join('\n', stdout.TakeLast(OutputLinesInMessages)) +
                   "\n--- stderr ---\n" + string.Join('\n', stderr.TakeLast(OutputLinesInMessages));
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        process.Dispose();
    }

    private string WaitForLine(List<string> lines, TaskCompletionSource closed, Func<string, bool> predicate, TimeSpan timeout, int fromLine, string streamName)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var next = fromLine;
        lock (gate)
        {
            while (true)
            {
                for (; next < lines.Count; next++)
                {
                    if (predicate(lines[next]))
                    {
                        return lines[next];
                    }
                }
                var remaining = deadline - Environment.TickCount64;
                if (closed.Task.IsCompleted || remaining <= 0)
                {
                    var why = closed.Task.IsCompleted ? $"{streamName} closed" : $"{timeout.TotalSeconds:0.#} s passed";
                    throw new TimeoutException($"no matching {streamName} line ({why})\n{DescribeOutput()}");
                }
                Monitor.Wait(gate, (int)Math.Min(remaining, 1000));
            }
        }
    }

    private void Append(List<string> lines, string? line, TaskCompletionSource closed)
    {
        lock (gate)
        {
            if (line is null)
            {
                closed.TrySetResult();
            }
            else
            {
                lines.Add(line);
            }
            Monitor.PulseAll(gate);
        }
    }

    private IReadOnlyList<string> Snapshot(List<string> lines)
    {
        lock (gate)
        {
            return [.. lines];
        }
    }

    private void SendSignal(string name, int signalNumber)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("sending POSIX signals needs Linux or macOS");
        }
        if (IgnoresSignal(signalNumber))
        {
            // A process started from a background job of a non-interactive shell inherits SIGINT as ignored,
            // and .NET (like any POSIX program) keeps it ignored: the signal could never arrive.
            throw new InvalidOperationException(
                $"process {process.Id} ignores SIG{name} (inherited from the test runner); run the tests from a foreground shell");
        }
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, process.Id.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{name} {process.Id} failed with exit code {kill.ExitCode}");
        }
    }

    private bool IgnoresSignal(int signalNumber)
    {
        var status = $"/proc/{process.Id}/status";
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

    /// <summary>The dotnet host running the tests, so children use the same runtime; falls back to PATH.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
