namespace SparkVideo.Engine.Tests;

/// <summary>
/// How the socket source waits for a line: a socket .NET connected asynchronously stays non-blocking on Linux, and
/// each read then went through the runtime's socket engine (a recv that would block, a wait, a wake-up by the engine's
/// epoll thread: a second thread woken for every frame). Linux only: it reads the descriptor's flags from /proc.
/// </summary>
public sealed class SocketSourceBlockingReadTests : StreamingQueryTest
{
    private readonly LineServer _server = new();

    private protected override void DisposeFixtures() => _server.Dispose();

    [Fact]
    public void The_source_reads_its_connection_in_blocking_mode()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var batches = new BatchCollector();
        StreamingQuery query = Session.Spark.ReadStream().Format("socket").Option("host", "localhost").Option("port", _server.Port)
            .Load().WriteStream().ForeachBatch(batches.Add).Option("checkpointLocation", Checkpoint.Path).Start();
        _server.WaitForConnection();
        _server.SendLines(["hello"]);
        Eventually.True(() => batches.AllRows.Count == 1, "the line");

        bool nonBlocking = ProcessSockets.IsNonBlocking(_server.ClientEndPoint!.Port, _server.Port);
        query.Stop();

        Assert.False(nonBlocking, "the source's socket is non-blocking: every read waits on the runtime's epoll thread");
    }
}
