using System.Globalization;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Reliability.Tests.Soak;

/// <summary>
/// The camera soak, small: two cameras for 24 seconds with retention on a 1 MiB-per-camera folder. The job's own
/// janitor must delete frames and keep the folders near the cap, no frame may be lost, and the table must be written.
/// </summary>
public sealed class CameraSoakSmokeTests : IDisposable
{
    private readonly string _report = Directory.CreateTempSubdirectory("sparkvideo-soak-report-").FullName;

    [Fact]
    public void Two_cameras_with_retention_lose_no_frame_stay_under_the_cap_and_write_the_table()
    {
        using var soak = SparkVideoProgram.Soak.Start(
            ["--cameras", "2", "--minutes", "0.4", "--report-every-seconds", "4", "--retain-gib", "0.001", "--parallelism", "2",
             "--skip-memory-check", "--report-dir", _report]);

        var exitCode = soak.WaitForExit(TimeSpan.FromSeconds(240));

        Assert.True(exitCode == 0, soak.DescribeOutput());
        Assert.Contains(soak.StdoutLines, line => line.StartsWith("soak: ok: frames: sent ", StringComparison.Ordinal) && line.EndsWith(", lost 0", StringComparison.Ordinal));
        Assert.Contains(soak.StdoutLines, line => line.StartsWith("soak: ok: disk use peak ", StringComparison.Ordinal));
        var csv = File.ReadAllLines(Path.Combine(_report, "soak-cameras.csv"));
        Assert.Equal(7, csv.Length); // the header and a row every 4 s
        var deleted = long.Parse(csv[^1].Split(',')[8], CultureInfo.InvariantCulture);
        Assert.True(deleted > 0, $"the janitor deleted nothing\n{string.Join('\n', csv)}");
        Assert.Contains("| minute | job RSS (MiB) | open fds | threads |", File.ReadAllText(Path.Combine(_report, "soak-cameras.md")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_report, recursive: true);
}
