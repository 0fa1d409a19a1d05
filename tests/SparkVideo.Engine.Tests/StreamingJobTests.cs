using SparkVideo.Engine.Monitoring;

namespace SparkVideo.Engine.Tests;

/// <summary>The job's own query shape, end to end over a real loopback socket into the console sink.</summary>
public sealed class StreamingJobTests : StreamingQueryTest
{
    private readonly LineServer _server = new();

    private protected override void DisposeFixtures() => _server.Dispose();

    private static string Frame(double ts, string data) =>
        $"{{\"timestamp\": {ts.ToString(System.Globalization.CultureInfo.InvariantCulture)}, " +
        $"\"frame_width\": 640, \"frame_height\": 480, \"frame_data\": \"{data}\"}}";

    private DataFrame ReadFrames()
    {
        var schema = new StructType(
        [
            new StructField("timestamp", new DoubleType()), new StructField("frame_width", new IntegerType()),
            new StructField("frame_height", new IntegerType()), new StructField("frame_data", new StringType()),
        ]);
        DataFrame lines = Session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", _server.Port).Load();
        return lines.Select(Col("value"), FromJson(Col("value"), schema.Json).Alias("data")).Select("value", "data.*");
    }

    private const int UdfMilliseconds = 25;

    [Fact]
    public void Runs_the_job_shaped_query_and_prints_Spark_console_batches()
    {
        ProgressRecorder progress = Session.RecordProgress();
        DataFrame frames = ReadFrames();
        Func<Column, Column, Column> isFrame = Udf<string, string, bool>((frameData, rawLine) => frameData is not null);
        Func<Column, Column, Column, Column, Column> removeBackground = Udf<string, double, int, int, string>(
            (frameData, ts, width, height) =>
            {
                Thread.Sleep(UdfMilliseconds); // a measurable batch duration
                return $"out/{frameData}_{ts}_{width}x{height}.jpg";
            });
        frames = frames
            .Filter(isFrame(Col("frame_data"), Col("value")))
            .Select(Col("timestamp"), Col("frame_width"), Col("frame_height"), Col("frame_data"))
            .Repartition(2);
        StreamingQuery query = frames
            .Select(
                Col("timestamp"),
                removeBackground(Col("frame_data"), Col("timestamp"), Col("frame_width"), Col("frame_height")).Alias("output_path"))
            .WriteStream().OutputMode("append").Format("console").Option("truncate", false).Option("numRows", 20)
            .Option("checkpointLocation", Checkpoint.Path)
            .Trigger(Trigger.ProcessingTime(1000)).QueryName("sparkvideo").Start();

        _server.WaitForConnection();
        _server.SendLines([Frame(1767668128.3084435, "a"), "broken {", Frame(2.5, "b")]);
        // The 1 s trigger grid lets all three lines arrive before the batch, so the golden text is one batch.
        Eventually.True(() => progress.Progress.Count > 0, "first batch");
        query.Stop();

        Assert.Equal("sparkvideo", query.Name);
        Assert.Equal(
            "-------------------------------------------\n" +
            "Batch: 0\n" +
            "-------------------------------------------\n" +
            "+--------------------+------------------------------------+\n" +
            "|timestamp           |output_path                         |\n" +
            "+--------------------+------------------------------------+\n" +
            "|1.7676681283084435E9|out/a_1767668128.3084435_640x480.jpg|\n" +
            "|2.5                 |out/b_2.5_640x480.jpg               |\n" +
            "+--------------------+------------------------------------+\n" +
            "\n",
            Session.Console);
        StreamingQueryProgress first = progress.Progress[0];
        Assert.Equal(
            (query.Id, 0L, 3L, 2L, 0L),
            (first.Id, first.BatchId, first.NumInputRows, first.NumOutputRows, first.DroppedOverlongLines));
        Assert.InRange(first.TriggerExecutionMs, UdfMilliseconds, 10_000);
        Assert.False(query.IsActive());
        Assert.Null(query.Exception());
    }

    [Fact]
    public void Udf_exception_fails_the_query_with_the_row_values()
    {
        Func<Column, Column, Column> explode = Udf<string, double, string>((frameData, ts) =>
            frameData == "bad" ? throw new InvalidOperationException("segmenter exploded") : frameData);
        StreamingQuery query = ReadFrames().Select(explode(Col("frame_data"), Col("timestamp")).Alias("out"))
            .WriteStream().Format("console").QueryName("failing").Option("checkpointLocation", Checkpoint.Path).Start();

        _server.WaitForConnection();
        _server.SendLines([Frame(1, "ok"), Frame(4.25, "bad")]);

        StreamingQueryException thrown = Assert.Throws<StreamingQueryException>(() => query.AwaitTermination());
        Assert.Same(thrown, query.Exception());
        Assert.Matches(@"terminated with exception: Batch \d+: Failed to execute user defined function", thrown.Message);
        Assert.Contains("frame_data=\"bad\"", thrown.Message);
        Assert.Contains("timestamp=4.25", thrown.Message);
        Assert.Contains("segmenter exploded", thrown.Message);
        Assert.False(query.IsActive());
        Assert.Throws<StreamingQueryException>(() => query.AwaitTermination(10));
    }

    [Fact]
    public void Stop_ends_await_termination_and_closes_the_socket()
    {
        StreamingQuery query = ReadFrames().WriteStream().Format("console").Start();
        _server.WaitForConnection();
        Assert.False(query.AwaitTermination(50));
        Assert.True(query.IsActive());

        var stopper = new Thread(() =>
        {
            Thread.Sleep(100);
            query.Stop();
        });
        stopper.Start();
        query.AwaitTermination();
        stopper.Join();

        Assert.False(query.IsActive());
        Assert.Null(query.Exception());
        Assert.True(query.AwaitTermination(0));
    }

    [Fact]
    public void A_listener_added_while_the_query_runs_sees_its_next_batches()
    {
        StreamingQuery query = ReadFrames().WriteStream().Format("console").Start();
        _server.WaitForConnection();
        ProgressRecorder progress = Session.RecordProgress();
        _server.SendLines([Frame(1, "a")]);
        Eventually.True(() => progress.Progress.Count >= 1, "a progress event");
        _server.SendLines([Frame(2, "b")]);
        Eventually.True(() => progress.Progress.Count >= 2, "a second progress event");
        query.Stop();

        Assert.Equal([0L, 1L], progress.Progress.Select(p => p.BatchId));
        Assert.All(progress.Progress, p => Assert.Equal(query.Id, p.Id));
    }

    [Fact]
    public void A_failing_listener_is_logged_and_the_query_goes_on()
    {
        Session.Spark.Engine().AddListener(new ThrowingListener());
        ProgressRecorder progress = Session.RecordProgress();
        StreamingQuery query = ReadFrames().WriteStream().Format("console").Start();
        _server.WaitForConnection();
        _server.SendLines([Frame(1, "a")]);
        Eventually.True(() => progress.Progress.Count >= 1, "a progress event");

        Assert.True(query.IsActive());
        Assert.Contains("engine: a StreamingQueryListener failed: InvalidOperationException: listener bug", Session.Log);
        query.Stop();
    }

    [Fact]
    public void Stopping_the_session_stops_its_queries()
    {
        StreamingQuery query = ReadFrames().WriteStream().Format("console").Start();
        _server.WaitForConnection();

        Session.Spark.Stop();

        Assert.False(query.IsActive());
        Assert.True(query.AwaitTermination(0));
    }

    private sealed class ThrowingListener : StreamingQueryListener
    {
        public override void OnQueryProgress(StreamingQueryProgress progress) => throw new InvalidOperationException("listener bug");
    }
}
