namespace SparkVideo.Engine.Tests;

public sealed class CheckpointTests : IDisposable
{
    private readonly TestSession _session = new();
    private readonly LineServer _server = new();
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        _session.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    private (StreamingQuery Query, BatchCollector Batches) Start()
    {
        var batches = new BatchCollector();
        StreamingQuery query = _session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", _server.Port).Load()
            .Select(Col("value"))
            .WriteStream().ForeachBatch(batches.Add).Option("checkpointLocation", _dir.Path).Start();
        _server.WaitForConnection();
        return (query, batches);
    }

    /// <summary>Sends one line per batch and waits for it, so batch boundaries are known.</summary>
    private static void SendBatches(LineServer server, BatchCollector batches, params string[] lines)
    {
        foreach (string line in lines)
        {
            int before = batches.Batches.Count;
            server.SendLines([line]);
            Eventually.True(() => batches.Batches.Count > before, $"the batch with {line}");
        }
    }

    [Fact]
    public void Writes_Spark_layout_and_continues_batch_ids_after_restart()
    {
        (StreamingQuery first, BatchCollector firstBatches) = Start();
        SendBatches(_server, firstBatches, "a", "b");
        string id = first.Id;
        string runId = first.RunId;
        first.Stop();

        Assert.Equal([0L, 1L], firstBatches.Batches.Select(b => b.BatchId));
        Assert.Equal($"{{\"id\":\"{id}\"}}\n", File.ReadAllText(Path.Combine(_dir.Path, "metadata")));
        Assert.Equal("v1\n{\"nextBatchWatermarkMs\":0}", File.ReadAllText(Path.Combine(_dir.Path, "commits", "1")));
        string[] offsets = File.ReadAllText(Path.Combine(_dir.Path, "offsets", "1")).Split('\n');
        Assert.Equal("v1", offsets[0]);
        Assert.StartsWith("{\"batchWatermarkMs\":0,\"batchTimestampMs\":", offsets[1]);
        Assert.Equal("1", offsets[2]);
        Assert.StartsWith("v1\n{\"source\":\"socket\"", File.ReadAllText(Path.Combine(_dir.Path, "sources", "0", "0")));

        (StreamingQuery second, BatchCollector secondBatches) = Start();
        SendBatches(_server, secondBatches, "c");
        second.Stop();

        Assert.Equal(id, second.Id);
        Assert.NotEqual(runId, second.RunId);
        Assert.Equal(2L, secondBatches.Batches.Single().BatchId);
        Assert.Equal("c", secondBatches.Batches.Single().Rows.Single().GetAs<string>("value"));
        Assert.Equal("2", File.ReadAllText(Path.Combine(_dir.Path, "offsets", "2")).Split('\n')[2]);
    }

    [Fact]
    public void Console_sink_without_checkpoint_uses_a_temporary_folder_and_foreach_batch_needs_one()
    {
        DataFrame lines = _session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", _server.Port).Load();
        Assert.Throws<AnalysisException>(() => lines.WriteStream().ForeachBatch((_, _) => { }).Start());

        StreamingQuery query = lines.WriteStream().Format("console").Start();
        Assert.True(Guid.TryParse(query.Id, out _));
        query.Stop();
    }
}
