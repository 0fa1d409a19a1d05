using System.Text.RegularExpressions;

namespace SparkVideo.ChildProcesses.Tests;

/// <summary>Real bash children: their lines, exit codes and signals as the demo, the tests and the bench rely on them.</summary>
public sealed class ChildProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly ChildProcessOptions Options = new() { WorkingDirectory = Path.GetTempPath() };

    [Fact]
    public void Lines_of_both_streams_and_the_exit_code_are_kept()
    {
        using var child = ChildProcess.StartCommandLine("echo one; echo two; echo oops >&2; exit 3", Options);

        Assert.Equal(3, child.WaitForExit(Timeout));
        Assert.Equal(["one", "two"], child.StdoutLines);
        Assert.Equal(["oops"], child.StderrLines);
    }

    [Fact]
    public void A_capped_child_keeps_its_newest_lines()
    {
        using var child = ChildProcess.StartCommandLine("seq 1 100", Options with { MaxLinesKept = 3 });

        Assert.Equal(0, child.WaitForExit(Timeout));
        Assert.Equal(["98", "99", "100"], child.StdoutLines);
    }

    [Fact]
    public void Interrupt_reaches_a_child_that_handles_it_and_its_exit_code_comes_back()
    {
        using var child = ChildProcess.StartCommandLine("trap 'echo stopping; exit 7' INT; echo ready; while true; do sleep 0.1; done", Options);
        child.WaitForLine(line => line == "ready", Timeout);

        Assert.Equal(7, child.InterruptOrKill(Timeout));
        Assert.Contains("stopping", child.StdoutLines);
    }

    [Fact]
    public void A_child_that_ignores_interrupt_is_told_so_and_stopped_with_terminate()
    {
        using var child = ChildProcess.StartCommandLine("trap '' INT; echo ready; exec sleep 60", Options);
        child.WaitForLine(new Regex("^ready$"), Timeout);
        Assert.True(PosixSignals.Ignores(child.Id, PosixSignals.Interrupt));

        var error = Assert.Throws<SignalIgnoredException>(child.SendInterrupt);
        Assert.Contains("ignores SIGINT", error.Message, StringComparison.Ordinal);
        Assert.Equal(128 + PosixSignals.Terminate, child.InterruptOrKill(Timeout));
    }

    [Fact]
    public void The_repository_root_is_the_nearest_folder_above_with_the_solution()
    {
        var root = Directory.CreateTempSubdirectory("childprocesses-root-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, RepoPaths.SolutionFileName), "");
            var nested = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;

            Assert.Equal(root, RepoPaths.FindRoot(nested));
            File.Delete(Path.Combine(root, RepoPaths.SolutionFileName));
            Assert.Throws<DirectoryNotFoundException>(() => RepoPaths.FindRoot(nested));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_free_port_is_the_next_one_when_the_first_is_taken()
    {
        using var taken = FreePort.Occupy();
        var port = FreePort.PortOf(taken);

        Assert.NotEqual(port, FreePort.FirstFrom(port, attempts: 20));
    }
}
