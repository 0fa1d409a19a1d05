using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Testing;

namespace SparkVideo.CameraServer.Tests;

/// <summary>Ctrl+C and SIGTERM stop the server cleanly, with or without a consumer.</summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void A_signal_while_streaming_stops_cleanly_with_exit_code_zero(string signal)
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "20");
        using var client = server.Connect();
        client.ReadLines(2, Timeout);

        Send(server.Process, signal);

        Assert.Equal(0, server.Process.WaitForExit(Timeout));
        Assert.Equal("Stopped.", server.Process.StdoutLines[^1]);
        Assert.Empty(server.Process.StderrLines);
        Assert.True(client.WaitForClose(Timeout), "the consumer's connection stays open");
    }

    [Fact]
    public void Ctrl_c_while_waiting_for_a_consumer_stops_cleanly()
    {
        using var server = CameraServerProcess.Start("--source", RepoPaths.PeopleWalkingVideo);
        server.Process.WaitForLine(line => line == ProgramLines.WaitingForConnection, Timeout);

        server.Process.SendInterrupt();

        Assert.Equal(0, server.Process.WaitForExit(Timeout));
        Assert.Equal("Stopped.", server.Process.StdoutLines[^1]);
    }

    private static void Send(ChildProcess process, string signal)
    {
        if (signal == "INT")
        {
            process.SendInterrupt();
        }
        else
        {
            process.SendTerminate();
        }
    }
}
