using System.Text;
using SparkVideo.Engine.Monitoring;

namespace SparkVideo.Engine.Tests;

public sealed class SocketSourceTests : StreamingQueryTest
{
    private DataStreamReader Socket(int port) =>
        Session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", port);

    private StreamingQuery Collect(DataFrame df, BatchCollector batches) =>
        df.WriteStream().ForeachBatch(batches.Add).Option("checkpointLocation", Checkpoint.Path).Start();

    private static List<string> Values(BatchCollector batches) => batches.AllRows.Select(r => (string)r.Get(0)).ToList();

    [Fact]
    public void Reconnects_after_the_server_closes_and_never_glues_a_partial_line()
    {
        using var server = new LineServer();
        var batches = new BatchCollector();
        StreamingQuery query = Collect(Socket(server.Port).Load(), batches);

        server.WaitForConnection();
        server.SendRaw(Encoding.UTF8.GetBytes("first\r\ncut-off"));
        Eventually.True(() => Values(batches).Contains("first"), "the first line");
        server.DropClient();
        server.WaitForConnection();
        server.SendLines(["second"]);
        Eventually.True(() => Values(batches).Contains("second"), "a line after the reconnect");
        query.Stop();

        Assert.Equal(["first", "cut-off", "second"], Values(batches));
        Assert.Contains("closed the connection; reconnecting", Session.Log);
    }

    [Fact]
    public void Waits_for_a_server_that_is_not_up_yet()
    {
        int port = LineServer.FreePort();
        var batches = new BatchCollector();
        StreamingQuery query = Collect(Socket(port).Load(), batches);
        Eventually.True(() => Session.Log.Contains("cannot connect", StringComparison.Ordinal), "a first connection attempt");
        Assert.True(query.IsActive());

        using var server = new LineServer(port);
        server.WaitForConnection();
        server.SendLines(["hello"]);
        Eventually.True(() => Values(batches).Contains("hello"), "a line once the server is up");
        query.Stop();

        Assert.Single(Session.Log.Split('\n'), l => l.Contains("cannot connect", StringComparison.Ordinal));
        Assert.Contains("connected to 127.0.0.1", Session.Log);
    }

    [Fact]
    public void Drops_an_overlong_line_and_keeps_reading()
    {
        using var server = new LineServer();
        var batches = new BatchCollector();
        ProgressRecorder progress = Session.RecordProgress();
        StreamingQuery query = Collect(Socket(server.Port).Option("maxLineBytes", 1024).Load(), batches);
        server.WaitForConnection();

        server.SendLines(["before", new string('x', 1 << 20), "after", "caf\u00e9"]);
        server.SendRaw([0x62, 0xFF, 0x0A]);
        Eventually.True(() => Values(batches).Count == 4, "the four short lines");
        query.Stop();

        Assert.Equal(["before", "after", "caf\u00e9", "b\uDCFF"], Values(batches)); // the invalid byte 0xFF kept as U+DCFF
        Assert.Contains($"dropped a line of {1 << 20} bytes over the maxLineBytes cap", Session.Log);
        Assert.Equal(1, progress.Progress[^1].DroppedOverlongLines);
    }

    [Fact]
    public void Bounded_buffer_pushes_back_on_a_fast_producer()
    {
        using var server = new LineServer();
        // 400 rows x 20 ms is 8 s of work: at 1.5 s the producer must still be waiting, however loaded the machine.
        Func<Column, Column> slow = Udf<string, int>(line =>
        {
            Thread.Sleep(20);
            return line.Length;
        });
        const int bound = 8;
        ProgressRecorder progress = Session.RecordProgress();
        DataFrame df = Socket(server.Port).Option("maxBufferedLines", bound).Load().Select(slow(Col("value")).Alias("len"));
        StreamingQuery query = df.WriteStream().Format("console").Option("numRows", 1).Start();
        server.WaitForConnection();

        string line = new('z', 32 * 1024);
        const int total = 1200; // about 39 MB: far more than the buffer plus the loopback socket buffers hold
        var producer = new Thread(() =>
        {
            try
            {
                server.SendLines(Enumerable.Repeat(line, total));
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                // The engine closed the socket when the query stopped.
            }
        });
        producer.Start();

        // Wait for the buffer to fill, however slow the machine: 1200 rows x 20 ms is 24 s of UDF work, so the
        // producer cannot have finished unless the source read past its bound.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (query.Execution.SourceBuffer.HighWaterMark < bound && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
        // Unbounded, the rest of the 39 MB would be read in well under this; held back, the producer cannot finish.
        bool producerBlocked = !producer.Join(TimeSpan.FromMilliseconds(500));
        long processed = progress.Progress.Sum(p => p.NumInputRows);
        int highWater = query.Execution.SourceBuffer.HighWaterMark;
        query.Stop();
        server.DropClient();
        producer.Join(TimeSpan.FromSeconds(10));

        Assert.True(producerBlocked, "the producer should be held back by TCP flow control");
        Assert.True(processed < total, $"processed {processed} of {total}");
        Assert.InRange(highWater, 1, bound);
    }

    [Fact]
    public void Rejects_what_the_engine_does_not_support()
    {
        DataFrame lines = Socket(1).Load();
        Assert.Throws<NotSupportedException>(() => Session.Spark.ReadStream().Format("kafka").Load());
        NotSupportedException unknown = Assert.Throws<NotSupportedException>(() => Socket(1).Option("includeTimestamp", "true").Load());
        Assert.Contains("supported: host, port, maxLineBytes, maxBufferedLines, maxBufferedBytes", unknown.Message);
        Assert.Throws<ArgumentException>(() => Session.Spark.ReadStream().Format("socket").Option("port", 1).Load());
        Assert.Throws<ArgumentException>(() => Socket(1).Option("maxLineBytes", 0).Load());
        Assert.Throws<ArgumentException>(() => lines.Repartition(0));
        Assert.Throws<ArgumentException>(() => Trigger.ProcessingTime(-1));
        Assert.Throws<NotSupportedException>(() => lines.WriteStream().Format("parquet").Start());
        Assert.Throws<NotSupportedException>(() => lines.WriteStream().Format("console").Option("colour", "red").Start());
        Assert.Throws<AnalysisException>(() => lines.WriteStream().Format("console").OutputMode("complete").Start());
        Assert.Throws<ArgumentException>(() => lines.WriteStream().OutputMode("sideways"));
        Assert.Throws<AnalysisException>(() => lines.Collect());
        Assert.Throws<AnalysisException>(() => Session.Lines("x").WriteStream());
    }
}
