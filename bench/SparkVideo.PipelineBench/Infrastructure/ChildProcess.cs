using System.Collections.Concurrent;
using System.Diagnostics;

namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>
/// A .NET program run as <c>dotnet &lt;dll&gt; args</c>, its stdout and stderr read line by line (so a chatty
/// child never blocks on a full pipe), with the recent lines kept for error messages. Stopped with SIGINT and
/// killed when it does not exit in time; every live child is killed if the harness itself is interrupted.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int RecentLinesKept = 400;
    private static readonly ConcurrentDictionary<int, ChildProcess> Live = new();

    private readonly Process process;
    private readonly Action<string>? onLine;
    private readonly object gate = new();
    private readonly Queue<string> recent = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> waiters = [];

    private ChildProcess(string name, Process process, Action<string>? onLine)
    {
        Name = name;
        this.process = process;
        this.onLine = onLine;
    }

    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Starts <c>dotnet <paramref name="dll"/> <paramref name="args"/></c>; <paramref name="onLine"/> sees every output line.</summary>
    public static ChildProcess StartDotnet(string name, string dll, IEnumerable<string> args, string workingDirectory,
        Action<string>? onLine = null, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (key, value) in environment ?? [])
        {
            info.Environment[key] = value;
        }
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, onLine);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data is null ? null : "stderr: " + e.Data);
        if (!process.Start())
        {
            throw new BenchException($"could not start {name} ({info.FileName} {dll})");
        }
        Live[process.Id] = child;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Kills every child still running; for the harness's own Ctrl+C and exit.</summary>
    public static void KillAll()
    {
        foreach (var child in Live.Values)
        {
            child.Kill();
        }
    }

    /// <summary>Waits for an output line that matches (including one already printed) and returns it.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (recent.FirstOrDefault(match) is { } already)
            {
                return already;
            }
            waiters.Add((match, found));
        }
        var index = Task.WaitAny([found.Task, process.WaitForExitAsync(), Task.Delay(timeout)]);
        if (found.Task.IsCompleted)
        {
            return found.Task.Result;
        }
        throw new BenchException(index == 1
            ? $"{Name} exited with code {process.ExitCode} before printing {what}; last output: {Tail(5)}"
            : $"{Name} did not print {what} within {timeout.TotalSeconds:F0} s; last output: {Tail(5)}");
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            return false;
        }
        process.WaitForExit(); // drains the asynchronous output readers
        return true;
    }

    /// <summary>SIGINT, then up to <paramref name="grace"/> for a clean exit, then kill (with a warning). Returns the exit code.</summary>
    public int Stop(TimeSpan grace)
    {
        if (process.HasExited || (PosixSignals.Interrupt(process.Id) && WaitForExit(grace)))
        {
            Live.TryRemove(process.Id, out _);
            return process.ExitCode;
        }
        Console.Error.WriteLine($"warning: {Name} did not exit within {grace.TotalSeconds:F0} s of SIGINT; killed it");
        Kill();
        return process.HasExited ? process.ExitCode : -1;
    }

    /// <summary>The last <paramref name="lines"/> output lines joined with " | ".</summary>
    public string Tail(int lines)
    {
        lock (gate)
        {
            return string.Join(" | ", recent.Skip(Math.Max(0, recent.Count - lines)));
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Stop(TimeSpan.FromSeconds(10));
        }
        Live.TryRemove(process.Id, out _);
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        Live.TryRemove(process.Id, out _);
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }
        onLine?.Invoke(line);
        lock (gate)
        {
            recent.Enqueue(line);
            if (recent.Count > RecentLinesKept)
            {
                recent.Dequeue();
            }
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Match(line))
                {
                    waiters[i].Found.TrySetResult(line);
                    waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>The dotnet host: the one the SDK names, the one running us, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        return "dotnet";
    }
}
