using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SparkVideo.Demo;

/// <summary>One of the pipeline's programs, run as a child process with its output prefixed by its name.</summary>
public sealed partial class ChildProgram : IDisposable
{
    private readonly Process process;
    private readonly string name;

    private readonly Action<string>? onLine;

    private ChildProgram(Process process, string name, Action<string>? onLine)
    {
        this.process = process;
        this.name = name;
        this.onLine = onLine;
    }

    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>dotnet &lt;dll&gt; args</c> from the demo's own folder, where the build put it.</summary>
    public static ChildProgram Start(string name, string dll, IEnumerable<string> args, string workingDirectory, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProgram(process, name, onLine);
        process.OutputDataReceived += (_, e) => child.Forward(e.Data, Console.Out);
        process.ErrorDataReceived += (_, e) => child.Forward(e.Data, Console.Error);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Forward(string? line, TextWriter writer)
    {
        if (line is null)
        {
            return;
        }
        writer.WriteLine($"[{name}] {line}");
        onLine?.Invoke(line);
    }

    /// <summary>Asks the program to stop as Ctrl+C would, then kills it if it has not stopped in time.</summary>
    public int Stop(TimeSpan grace)
    {
        if (!process.HasExited)
        {
            if (!OperatingSystem.IsWindows())
            {
                _ = SendSignal(process.Id, SigInt);
            }
            else
            {
                process.Kill(entireProcessTree: true);
            }
            if (!process.WaitForExit(grace))
            {
                Console.Error.WriteLine($"[demo] {name} did not stop within {grace.TotalSeconds:F0} s; killing it.");
                process.Kill(entireProcessTree: true);
            }
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    public bool WaitForExit(TimeSpan timeout) => process.WaitForExit(timeout);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }

    /// <summary>
    /// The dotnet muxer that runs this demo. Under <c>dotnet run</c> the demo itself is an apphost, so the
    /// process path is not dotnet; the runtime directory (…/shared/Microsoft.NETCore.App/&lt;version&gt;/) is.
    /// </summary>
    private static string DotnetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Path.GetFileName(Environment.ProcessPath) == executable)
        {
            return Environment.ProcessPath!;
        }
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var candidate = Path.Combine(root, executable);
        return File.Exists(candidate) ? candidate : executable;
    }

    private const int SigInt = 2;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
