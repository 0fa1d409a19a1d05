namespace SparkVideo.Engine.Tests;

/// <summary>
/// The engine runs a batch's partitions on the thread pool, as many at a time as the master's parallelism. Not run in
/// parallel with other tests: with every pool worker blocked by other tests, a batch of 600 rows ran on the query
/// thread alone (seen in one of three runs of this assembly) and this test read that as no parallelism at all.
/// </summary>
[Collection(NotParallelCollection.Name)]
public sealed class RepartitionParallelismTests : StreamingQueryTest
{
    [Fact]
    public void Repartition_runs_the_udf_in_parallel_and_keeps_every_row_once()
    {
        using var server = new LineServer();
        int running = 0, maxRunning = 0;
        // The first call waits until the source has read every line, so the next batch holds many rows: one row
        // alone runs on the query thread, and a source that keeps up with the lines could make every batch one row.
        using var allRead = new ManualResetEventSlim();
        int calls = 0;
        Func<Column, Column> tag = Udf<string, string>(value =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                allRead.Wait(TimeSpan.FromSeconds(30));
            }
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            Thread.Sleep(2);
            Interlocked.Decrement(ref running);
            return value;
        });
        var batches = new BatchCollector();
        StreamingQuery query = Session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", server.Port)
            .Option("maxBufferedLines", 5000).Load()
            .Repartition(4).Select(tag(Col("value")).Alias("value"))
            .WriteStream().ForeachBatch(batches.Add).Option("checkpointLocation", Checkpoint.Path).Start();
        server.WaitForConnection();

        string[] sent = Enumerable.Range(0, 600).Select(i => $"row-{i}").ToArray();
        server.SendLines(sent);
        if (OperatingSystem.IsLinux())
        {
            Eventually.True(() => ProcessSockets.UnreadBytes(server.ClientEndPoint!.Port, server.Port) == 0, "the source reading every line");
        }
        allRead.Set();
        Eventually.True(() => batches.AllRows.Count >= sent.Length, "every row");
        query.Stop();

        List<string> received = batches.AllRows.Select(r => (string)r.Get(0)).ToList();
        Assert.Equal(sent.Length, received.Count);
        Assert.Equal(sent.OrderBy(s => s, StringComparer.Ordinal), received.OrderBy(s => s, StringComparer.Ordinal));
        Assert.True(maxRunning > 1, $"UDF calls should overlap across partitions (max concurrent {maxRunning})");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
