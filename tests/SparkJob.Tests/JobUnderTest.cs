using SparkVideo.Testing;

namespace SparkVideo.Job.Tests;

/// <summary>A real SparkJob process on the embedded engine, run in its own temporary working directory.</summary>
internal sealed class JobUnderTest : IDisposable
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private JobUnderTest(ChildProcess process, string workingDirectory)
    {
        Process = process;
        WorkingDirectory = workingDirectory;
    }

    public ChildProcess Process { get; }

    public string WorkingDirectory { get; }

    public string OutputDirectory => Path.Combine(WorkingDirectory, "output_frames");

    public string CheckpointDirectory => Path.Combine(WorkingDirectory, "checkpoint");

    public string RejectsLog => Path.Combine(OutputDirectory, "rejects.log");

    /// <summary>Starts the job with no options but the port (and any given), as a user would.</summary>
    public static JobUnderTest Start(int port, string workingDirectory, params string[] arguments)
    {
        Directory.CreateDirectory(workingDirectory);
        var process = ChildProcess.StartDotnet(
            RepoPaths.InTestOutput("SparkJob.dll"),
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stats-interval-seconds", "0", .. arguments],
            workingDirectory);
        try
        {
            process.WaitForLine(line => line == "Started processing the stream!", StartupTimeout);
            return new JobUnderTest(process, workingDirectory);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public string[] OutputFrames() =>
        Directory.Exists(OutputDirectory) ? Directory.GetFiles(OutputDirectory, "frame_*.jpg") : [];

    /// <summary>Waits until at least <paramref name="count"/> frame files exist.</summary>
    public string[] WaitForFrames(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var frames = OutputFrames();
            if (frames.Length >= count)
            {
                return frames;
            }
            if (Process.HasExited)
            {
                break;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"{OutputFrames().Length} of {count} frames written.\n{Process.DescribeOutput()}");
    }

    /// <summary>
    /// Waits until the console batches list <paramref name="count"/> rows: a frame's file is written inside its
    /// batch, and the batch is printed when it completes.
    /// </summary>
    public IReadOnlyList<(string Timestamp, string OutputPath)> WaitForConsoleRows(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !Process.HasExited)
        {
            var rows = ConsoleRows();
            if (rows.Count >= count)
            {
                return rows;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"{ConsoleRows().Count} of {count} console rows printed.\n{Process.DescribeOutput()}");
    }

    /// <summary>Ctrl+C, then the exit code.</summary>
    public int Stop()
    {
        Process.SendInterrupt();
        return Process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>The data rows of every console batch table: (timestamp cell, output_path cell).</summary>
    public IReadOnlyList<(string Timestamp, string OutputPath)> ConsoleRows() =>
        Process.StdoutLines
            .Where(line => line.StartsWith('|') && !line.StartsWith("|timestamp", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (cells[1], cells[2]))
            .ToList();

    public void Dispose()
    {
        Process.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
