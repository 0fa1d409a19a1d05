using System.Diagnostics;
using System.Globalization;

namespace SparkVideo.Soak.Job;

/// <summary>
/// The real SparkJob as a child process (<c>dotnet SparkJob.dll</c>) in its own working directory. Its output
/// is counted line by line, not kept: a soak prints thousands of lines, and only the last few are remembered
/// for error messages.
/// </summary>
public sealed class JobChild : IDisposable
{
    private const int TailLines = 20;

    private readonly Process process;
    private readonly Queue<string> tail = new();
    private readonly ManualResetEventSlim started = new();
    private int rejectedOnStderr;
    private int droppedBySource;
    private int batches;

    public JobChild(string jobDll, string workingDirectory, IEnumerable<string> arguments)
    {
        if (!File.Exists(jobDll))
        {
            throw new FileNotFoundException($"job not built: '{jobDll}'", jobDll);
        }
        WorkingDirectory = workingDirectory;
        Directory.CreateDirectory(workingDirectory);
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(jobDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string WorkingDirectory { get; }

    public string OutputDirectory => Path.Combine(WorkingDirectory, "output_frames");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int RejectedOnStderr => Volatile.Read(ref rejectedOnStderr);

    public int DroppedBySource => Volatile.Read(ref droppedBySource);

    public int Batches => Volatile.Read(ref batches);

    public void WaitUntilStarted(TimeSpan timeout)
    {
        if (!started.Wait(timeout))
        {
            throw new TimeoutException($"the job did not start within {timeout.TotalSeconds:0} s\n{Tail()}");
        }
    }

    public int CountFrameFiles() =>
        Directory.Exists(OutputDirectory) ? Directory.EnumerateFiles(OutputDirectory, "frame_*.jpg").Count() : 0;

    public int CountTemporaryFiles() =>
        Directory.Exists(OutputDirectory) ? Directory.EnumerateFiles(OutputDirectory, ".frame_*.tmp").Count() : 0;

    public int CountRejectsLogLines()
    {
        var path = Path.Combine(OutputDirectory, "rejects.log");
        return File.Exists(path) ? File.ReadLines(path).Count() : 0;
    }

    /// <summary>SIGTERM (the job stops its query and exits), then the exit code.</summary>
    public int Stop(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            kill?.WaitForExit();
        }
        if (!process.WaitForExit(timeout))
        {
            throw new TimeoutException($"the job did not stop within {timeout.TotalSeconds:0} s\n{Tail()}");
        }
        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }

    public string Tail()
    {
        lock (tail)
        {
            return string.Join('\n', tail);
        }
    }

    public void Dispose()
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
            // Never started or already reaped.
        }
        process.Dispose();
        started.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line == "Started processing the stream!")
        {
            started.Set();
        }
        else if (line.StartsWith("Batch: ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref batches);
        }
        Remember(line);
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.StartsWith("Rejected frame (timestamp ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref rejectedOnStderr);
        }
        else if (line.StartsWith("socket source: dropped a line of ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref droppedBySource);
        }
        Remember("stderr: " + line);
    }

    private void Remember(string line)
    {
        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }
    }

    /// <summary>The dotnet host running this tool, so the job uses the same runtime; falls back to PATH.</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
