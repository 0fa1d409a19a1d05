namespace SparkVideo.Engine.Tests;

/// <summary>DataFrame.Union and Functions.Lit: Spark's semantics in memory, and a union of two real sockets.</summary>
public sealed class UnionTests : StreamingQueryTest
{
    [Fact]
    public void Union_keeps_every_row_of_both_matched_by_position_with_the_first_schema()
    {
        DataFrame first = Session.Lines("a", "b").Select(Lit("one").Alias("camera"), Col("value"));
        DataFrame second = Session.Lines("b", "c").Select(Col("value").Alias("other_name"), Lit("two"));

        List<Row> rows = first.Union(second).Collect().ToList();

        // UNION ALL: the duplicate "b" stays; the second table's columns are taken by position, not by name.
        Assert.Equal(
            ["one|a", "one|b", "b|two", "c|two"],
            rows.Select(r => $"{r.GetAs<string>("camera")}|{r.GetAs<string>("value")}"));
    }

    [Fact]
    public void Union_refuses_a_different_column_count_as_Spark_does_and_a_type_Spark_would_widen()
    {
        DataFrame two = Session.Lines("a").Select(Col("value"), Lit("x"));
        DataFrame one = Session.Lines("a");
        DataFrame number = Session.Lines("a").Select(Col("value"), Lit(1.5));

        AnalysisException count = Assert.Throws<AnalysisException>(() => two.Union(one));
        Assert.Equal("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first " +
            "input has 2 columns and the second input has 1 columns.", count.Message);
        // Spark flattens a chain of unions first, so the input is named by its place in the chain.
        AnalysisException third = Assert.Throws<AnalysisException>(() => two.Union(two).Union(one));
        Assert.Contains("the first input has 2 columns and the third input has 1 columns.", third.Message);
        AnalysisException type = Assert.Throws<AnalysisException>(() => two.Union(number));
        Assert.StartsWith(
            "Union can only be performed on tables with compatible column types. Column 2 (1.5) of the second table is double",
            type.Message);
    }

    [Fact]
    public void Lit_is_the_same_value_in_every_row_named_by_its_value()
    {
        DataFrame df = Session.Lines("a", "b").Select(Lit("cam1"), Lit(2), Lit(0.5), Lit(true), Lit(Col("value")));

        List<Row> rows = df.Collect().ToList();

        Assert.All(rows, r => Assert.Equal(["cam1", 2, 0.5, true], r.Values.Take(4)));
        Assert.Equal(["a", "b"], rows.Select(r => r.GetAs<string>("value")));
        Assert.Equal("cam1", rows[0].GetAs<string>("cam1"));
        Assert.Equal(0.5, rows[0].GetAs<double>("0.5"));
        Assert.Throws<NotSupportedException>(() => Lit(DateTime.UnixEpoch));
    }

    [Fact]
    public void A_streaming_union_reads_every_socket_and_one_server_going_away_never_stops_the_other()
    {
        var first = new LineServer();
        int firstPort = first.Port;
        using var second = new LineServer();
        var batches = new BatchCollector();
        StreamingQuery query = Camera("north", firstPort).Union(Camera("south", second.Port))
            .WriteStream().ForeachBatch(batches.Add).Option("checkpointLocation", Checkpoint.Path).Start();
        try
        {
            first.WaitForConnection();
            second.WaitForConnection();
            first.SendLines(["n1"]);
            second.SendLines(["s1"]);
            Eventually.True(() => batches.AllRows.Count == 2, "a row from each socket");

            // North's server goes away altogether: south keeps flowing while north's source retries.
            first.Dispose();
            second.SendLines(["s2"]);
            Eventually.True(() => Tagged(batches).Contains("south|s2"), "south's row while north is down");
            Assert.True(query.IsActive());

            using var northAgain = new LineServer(firstPort);
            northAgain.WaitForConnection(TimeSpan.FromSeconds(15));
            northAgain.SendLines(["n2"]);
            second.SendLines(["s3"]);
            Eventually.True(() => Tagged(batches).Count == 5, "north's row after it came back");
        }
        finally
        {
            query.Stop();
            first.Dispose();
        }

        Assert.Equal(["north|n1", "north|n2", "south|s1", "south|s2", "south|s3"], Tagged(batches).Order());
        Assert.Contains($"socket source: connected to 127.0.0.1:{firstPort} after", Session.Log);

        // One offset line per source in each offsets file, and a description per source: sources/0 and sources/1.
        string lastBatch = Directory.GetFiles(Path.Combine(Checkpoint.Path, "offsets")).MaxBy(f => long.Parse(Path.GetFileName(f)))!;
        string[] offsets = File.ReadAllText(lastBatch).Split('\n');
        Assert.Equal(["1", "2"], offsets[2..]);
        Assert.Contains($"\"port\":{firstPort}", File.ReadAllText(Path.Combine(Checkpoint.Path, "sources", "0", "0")));
        Assert.Contains($"\"port\":{second.Port}", File.ReadAllText(Path.Combine(Checkpoint.Path, "sources", "1", "0")));

        // As on Spark, the query cannot restart on this checkpoint with a different number of sources.
        AnalysisException changed = Assert.Throws<AnalysisException>(() => Camera("south", second.Port)
            .WriteStream().ForeachBatch(batches.Add).Option("checkpointLocation", Checkpoint.Path).Start());
        Assert.StartsWith(
            "There are [2] sources in the checkpoint offsets and now there are [1] sources requested by the query. Cannot continue.",
            changed.Message);
    }

    private DataFrame Camera(string name, int port) =>
        Session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", port).Load()
            .Select(Lit(name).Alias("camera"), Col("value"));

    private static List<string> Tagged(BatchCollector batches) =>
        batches.AllRows.Select(r => $"{r.GetAs<string>("camera")}|{r.GetAs<string>("value")}").ToList();
}
