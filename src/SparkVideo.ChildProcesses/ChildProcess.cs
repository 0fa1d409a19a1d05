using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SparkVideo.ChildProcesses;

/// <summary>
/// A program run as <c>dotnet program.dll args</c> with stdout and stderr captured line by line (thread-safe).
/// Waits fail fast with the captured output in the message when the process exits first. Disposing kills
/// the whole process tree if it is still running.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int OutputLinesInMessages = 40;

    /// <summary>Every child not yet disposed, so a host that is itself interrupted can kill them all.</summary>
    private static readonly ConcurrentDictionary<int, ChildProcess> Live = new();

    /// <summary>Held for the life of the process (<see cref="KillAllWhenThisProcessStops"/>).</summary>
    private static readonly List<PosixSignalRegistration> StopRegistrations = [];

    private readonly Process _process;
    private readonly object _gate = new();
    private readonly CapturedLines _stdout;
    private readonly CapturedLines _stderr;

    private ChildProcess(Process process, ChildProcessOptions options)
    {
        _process = process;
        _stdout = new CapturedLines(options.MaxLinesKept);
        _stderr = new CapturedLines(options.MaxLinesKept);
        var onStdoutLine = Forwarding(options.ForwardAs, Console.Out, options.OnStdoutLine);
        var onStderrLine = Forwarding(options.ForwardAs, Console.Error, options.OnStderrLine);
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data, onStdoutLine);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data, onStderrLine);
        InterruptInheritance.StartWithDefaultInterrupt(process.Start);
        Live[process.Id] = this;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// Starts <paramref name="commandLine"/> as a user types it at a bash prompt, in a session of its own, so that
    /// <see cref="SendInterruptToGroup"/> reaches every process of the line, as Ctrl+C does (Linux and macOS). A
    /// session of its own is out of reach of a Ctrl+C or a kill of this process's group, so from now on this process
    /// kills its children when it is stopped (<see cref="KillAllWhenThisProcessStops"/>).
    /// </summary>
    public static ChildProcess StartCommandLine(string commandLine, ChildProcessOptions options)
    {
        KillAllWhenThisProcessStops();
        return Start("setsid", ["bash", "-c", commandLine], options);
    }

    /// <summary>
    /// Kills every child still running when this process gets SIGINT, SIGTERM or SIGHUP, or exits: for a test runner
    /// that is stopped. The signal is not cancelled, so it then ends this process as it would have. Not for a
    /// program that stops its children gracefully on those signals (the demo).
    /// </summary>
    public static void KillAllWhenThisProcessStops()
    {
        lock (StopRegistrations)
        {
            if (StopRegistrations.Count > 0 || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            {
                return;
            }
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            {
                StopRegistrations.Add(PosixSignalRegistration.Create(signal, _ => KillAll()));
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        }
    }

    /// <summary>Starts <c>dotnet dllPath arguments</c> (working directory: the repository root unless given).</summary>
    public static ChildProcess StartDotnet(string dllPath, IEnumerable<string> arguments, string? workingDirectory = null) =>
        StartDotnet(dllPath, arguments, new ChildProcessOptions { WorkingDirectory = workingDirectory });

    /// <summary>Starts <c>dotnet dllPath arguments</c> as <paramref name="options"/> say.</summary>
    public static ChildProcess StartDotnet(string dllPath, IEnumerable<string> arguments, ChildProcessOptions options)
    {
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException($"program not built: {dllPath} (build its project, or reference it from the project that runs it)", dllPath);
        }
        return options.RunThrough is { Count: > 0 } through
            ? Start(through[0], [.. through.Skip(1), DotnetHost.Executable, dllPath, .. arguments], options)
            : Start(DotnetHost.Executable, [dllPath, .. arguments], options);
    }

    /// <summary>Starts an executable found on PATH (a test's stream server: python3, ffmpeg) as <paramref name="options"/> say.</summary>
    public static ChildProcess StartExecutable(string program, IEnumerable<string> arguments, ChildProcessOptions options) =>
        Start(program, arguments, options);

    private static ChildProcess Start(string program, IEnumerable<string> arguments, ChildProcessOptions options)
    {
        var startInfo = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = options.WorkingDirectory ?? RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in options.Environment ?? [])
        {
            startInfo.Environment[name] = value;
        }
        return new ChildProcess(new Process { StartInfo = startInfo }, options);
    }

    /// <summary>Starts a program whose project the running one references: <c>dotnet &lt;output folder&gt;/name.dll</c>.</summary>
    public static ChildProcess StartProgram(string assemblyName, params string[] arguments) =>
        StartDotnet(RepoPaths.InOutputFolder(assemblyName + ".dll"), arguments);

    /// <summary>Kills every child still running; for a host's own Ctrl+C and exit.</summary>
    public static void KillAll()
    {
        foreach (var child in Live.Values)
        {
            try
            {
                child.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already reaped.
            }
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process has exited, else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The stdout lines kept (all of them unless <see cref="ChildProcessOptions.MaxLinesKept"/> is set).</summary>
    public IReadOnlyList<string> StdoutLines => Snapshot(_stdout);

    public IReadOnlyList<string> StderrLines => Snapshot(_stderr);

    /// <summary>
    /// Waits for a stdout line matching <paramref name="predicate"/>, scanning from line index
    /// <paramref name="fromLine"/> (earlier lines count too). Throws <see cref="TimeoutException"/> with the
    /// output when none appears in time or the process ends without one.
    /// </summary>
    public string WaitForLine(Func<string, bool> predicate, TimeSpan timeout, int fromLine = 0) =>
        WaitForLine(_stdout, predicate, timeout, fromLine, "stdout");

    public string WaitForLine(Regex pattern, TimeSpan timeout, int fromLine = 0) =>
        WaitForLine(pattern.IsMatch, timeout, fromLine);

    public string WaitForStderrLine(Func<string, bool> predicate, TimeSpan timeout) =>
        WaitForLine(_stderr, predicate, timeout, 0, "stderr");

    /// <summary>Stdout lines read so far; pass it as fromLine to wait for a line printed after this point.</summary>
    public int StdoutLineCount
    {
        get
        {
            lock (_gate)
            {
                return _stdout.Count;
            }
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C does.</summary>
    public void SendInterrupt() => PosixSignals.Send(_process.Id, "INT", PosixSignals.Interrupt);

    /// <summary>Ctrl+C for a <see cref="StartCommandLine"/> process: SIGINT to its whole process group.</summary>
    public void SendInterruptToGroup() => PosixSignals.Send(_process.Id, "INT", PosixSignals.Interrupt, wholeGroup: true);

    /// <summary>Sends SIGTERM, as a service manager does.</summary>
    public void SendTerminate() => PosixSignals.Send(_process.Id, "TERM", PosixSignals.Terminate);

    /// <summary>Freezes the process (SIGSTOP): its sockets stay open and it sends nothing more until <see cref="Resume"/>.</summary>
    public void Pause() => PosixSignals.Send(_process.Id, "STOP", PosixSignals.Stop);

    /// <summary>Lets a process frozen by <see cref="Pause"/> go on (SIGCONT).</summary>
    public void Resume() => PosixSignals.Send(_process.Id, "CONT", PosixSignals.Continue);

    /// <summary>
    /// SIGINT (SIGTERM when the process ignores SIGINT), then up to <paramref name="grace"/> for a clean exit, else
    /// kills the process tree (also when no signal can be sent). Returns the exit code, or null when the process had
    /// to be killed.
    /// </summary>
    public int? InterruptOrKill(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            try
            {
                try
                {
                    SendInterrupt();
                }
                catch (SignalIgnoredException)
                {
                    SendTerminate();
                }
            }
            catch (Exception e) when (e is InvalidOperationException or PlatformNotSupportedException)
            {
                Kill();
                return null;
            }
        }
        if (_process.WaitForExit(grace))
        {
            _process.WaitForExit(); // drains the asynchronous output readers
            return _process.ExitCode;
        }
        Kill();
        return null;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Waits for the process to exit and its output to be fully read; returns the exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout) || !Task.WaitAll([_stdout.Closed.Task, _stderr.Closed.Task], TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException($"process {_process.Id} did not exit within {timeout.TotalSeconds:0.#} s\n{DescribeOutput()}");
        }
        return _process.ExitCode;
    }

    /// <summary>The last <paramref name="lines"/> lines of stdout and of stderr, for error messages.</summary>
    public string DescribeOutput(int lines = OutputLinesInMessages)
    {
        lock (_gate)
        {
            return "--- stdout (last lines) ---\n" + string.Join('\n', _stdout.Last(lines)) +
                   "\n--- stderr ---\n" + string.Join('\n', _stderr.Last(lines));
        }
    }

    public void Dispose()
    {
        Live.TryRemove(_process.Id, out _);
        try
        {
            Kill();
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    private string WaitForLine(CapturedLines lines, Func<string, bool> predicate, TimeSpan timeout, int fromLine, string streamName)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var next = fromLine;
        lock (_gate)
        {
            while (true)
            {
                for (next = Math.Max(next, lines.FirstKept); next < lines.Count; next++)
                {
                    if (predicate(lines[next]))
                    {
                        return lines[next];
                    }
                }
                var remaining = deadline - Environment.TickCount64;
                if (lines.Closed.Task.IsCompleted || remaining <= 0)
                {
                    var why = lines.Closed.Task.IsCompleted ? $"{streamName} closed" : $"{timeout.TotalSeconds:0.#} s passed";
                    throw new TimeoutException($"no matching {streamName} line ({why})\n{DescribeOutput()}");
                }
                Monitor.Wait(_gate, (int)Math.Min(remaining, 1000));
            }
        }
    }

    private void Append(CapturedLines lines, string? line, Action<string>? onLine)
    {
        if (line is not null)
        {
            onLine?.Invoke(line);
        }
        lock (_gate)
        {
            if (line is null)
            {
                lines.Closed.TrySetResult();
            }
            else
            {
                lines.Add(line);
            }
            Monitor.PulseAll(_gate);
        }
    }

    private static Action<string>? Forwarding(string? name, TextWriter writer, Action<string>? onLine) =>
        name is null ? onLine : line =>
        {
            writer.WriteLine($"[{name}] {line}");
            onLine?.Invoke(line);
        };

    private IReadOnlyList<string> Snapshot(CapturedLines lines)
    {
        lock (_gate)
        {
            return lines.Snapshot();
        }
    }
}
