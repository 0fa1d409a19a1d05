using SparkVideo.ChildProcesses;

namespace SparkVideo.Reliability.Tests.Soak;

/// <summary>
/// The soak tool, small: 300 lines with 2% bad, end to end, with exact accounting. A run of a few seconds is
/// all warm-up, so memory is only reported here; the 10,000-frame run (README) holds it to 10%.
/// </summary>
public sealed class SoakSmokeTests
{
    [Fact]
    public void A_300_line_soak_accounts_for_every_line_and_exits_0()
    {
        using var soak = SparkVideoProgram.Soak.Start(
            ["--frames", "300", "--bad-percent", "2", "--parallelism", "2", "--stall-timeout-seconds", "120", "--skip-memory-check"]);

        var exitCode = soak.WaitForExit(TimeSpan.FromSeconds(300));

        Assert.True(exitCode == 0, soak.DescribeOutput());
        Assert.Contains(soak.StdoutLines, line => line.StartsWith("soak: frames in 300 (294 valid, 6 bad", StringComparison.Ordinal));
        Assert.Contains(soak.StdoutLines, line => line.StartsWith("soak: written 294 | rejected 6 (stderr 6) | dropped by the source 0 | temporary files left 0", StringComparison.Ordinal));
        Assert.Contains("soak: OK", soak.StdoutLines);
    }
}
