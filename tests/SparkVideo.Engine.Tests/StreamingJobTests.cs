using SparkVideo.Engine.Monitoring;
using SparkVideo.Engine.Sql;
using SparkVideo.Engine.Sql.Streaming;
using SparkVideo.Engine.Sql.Types;
using SparkVideo.Engine.Tests.Support;
using static SparkVideo.Engine.Sql.Functions;

namespace SparkVideo.Engine.Tests;

/// <summary>The job's own query shape, end to end over a real loopback socket into the console sink.</summary>
public sealed class StreamingJobTests : IDisposable
{
    private readonly TestSession _session = new();
    private readonly LineServer _server = new();
    private readonly TempDir _checkpoint = new();

    public void Dispose()
    {
        _session.Dispose();
        _server.Dispose();
        _checkpoint.Dispose();
    }

    private static string Frame(double ts, string data) =>
        $"{{\"timestamp\": {ts.ToString(System.Globalization.CultureInfo.InvariantCulture)}, \"frame_width\": 640, \"frame_height\": 480, \"frame_data\": \"{data}\"}}";

    private DataFrame ReadFrames()
    {
        var schema = new StructType(
        [
            new StructField("timestamp", new DoubleType()), new StructField("frame_width", new IntegerType()),
            new StructField("frame_height", new IntegerType()), new StructField("frame_data", new StringType()),
        ]);
        DataFrame lines = _session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", _server.Port).Load();
        return lines.Select(Col("value"), FromJson(Col("value"), schema.Json).Alias("data")).Select("value", "data.*");
    }

    [Fact]
    public void RunsTheJobShapedQueryAndPrintsSparkConsoleBatches()
    {
        DataFrame frames = ReadFrames();
        Func<Column, Column, Column> keepParsed = Udf<string, string, bool>((frameData, rawLine) => frameData is not null);
        Func<Column, Column, Column> removeBackground = Udf<string, double, string>((frameData, ts) => $"out/{frameData}_{ts}.jpg");
        frames = frames.Filter(keepParsed(Col("frame_data"), Col("value"))).Repartition(2);
        StreamingQuery query = frames.Select(Col("timestamp"), removeBackground(Col("frame_data"), Col("timestamp")).Alias("output_path"))
            .WriteStream().OutputMode("append").Format("console").Option("truncate", false).Option("numRows", 20)
            .Trigger(Trigger.ProcessingTime("1 second")).QueryName("sparkvideo").Start();

        _server.WaitForConnection();
        _server.SendLines([Frame(1767668128.3084435, "a"), "broken {", Frame(2.5, "b")]);
        // The 1 s trigger grid lets all three lines arrive before the batch, so the golden text is one batch.
        Eventually.True(() => query.LastProgress() is not null, "first batch");
        query.Stop();

        Assert.Equal("sparkvideo", query.Name);
        Assert.Equal(
            "-------------------------------------------\n" +
            "Batch: 0\n" +
            "-------------------------------------------\n" +
            "+--------------------+----------------------------+\n" +
            "|timestamp           |output_path                 |\n" +
            "+--------------------+----------------------------+\n" +
            "|1.7676681283084435E9|out/a_1767668128.3084435.jpg|\n" +
            "|2.5                 |out/b_2.5.jpg               |\n" +
            "+--------------------+----------------------------+\n" +
            "\n",
            _session.Console);
        Assert.Equal(0, query.RecentProgress()[0].BatchId);
        Assert.Equal(3, query.RecentProgress().Sum(p => p.NumInputRows));
        Assert.Equal(2, query.RecentProgress().Sum(p => p.NumOutputRows));
        Assert.False(query.IsActive());
        Assert.Null(query.Exception());
    }

    [Fact]
    public void UdfExceptionFailsTheQueryWithTheRowValues()
    {
        Func<Column, Column, Column> explode = Udf<string, double, string>((frameData, ts) =>
            frameData == "bad" ? throw new InvalidOperationException("segmenter exploded") : frameData);
        StreamingQuery query = ReadFrames().Select(explode(Col("frame_data"), Col("timestamp")).Alias("out"))
            .WriteStream().Format("console").QueryName("failing").Option("checkpointLocation", _checkpoint.Path).Start();

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
    public void StopEndsAwaitTerminationAndClosesTheSocket()
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
    public void ProgressListenerSeesEveryBatch()
    {
        var listener = new RecordingListener();
        _session.Spark.Engine().AddListener(listener);
        StreamingQuery query = ReadFrames().WriteStream().Format("console").Start();
        _server.WaitForConnection();
        _server.SendLines([Frame(1, "a")]);
        Eventually.True(() => listener.Progress.Count >= 1, "a progress event");
        query.Stop();

        Assert.Equal(1, listener.Started);
        Assert.Equal(1, listener.Terminated);
        StreamingQueryProgress progress = listener.Progress[0];
        Assert.Equal(0, progress.BatchId);
        Assert.Equal(query.Id, progress.Id);
        Assert.Contains("\"triggerExecution\"", progress.Json);
        Assert.True(progress.DurationMs.ContainsKey("addBatch"));
    }

    [Fact]
    public void AListenerAddedWhileTheQueryRunsSeesItsNextBatches()
    {
        StreamingQuery query = ReadFrames().WriteStream().Format("console").Start();
        _server.WaitForConnection();
        var listener = new RecordingListener();
        _session.Spark.Engine().AddListener(listener);
        _server.SendLines([Frame(1, "a")]);
        Eventually.True(() => listener.Progress.Count >= 1, "a progress event");
        query.Stop();

        Assert.Equal(0, listener.Started);
        Assert.Equal(1, listener.Terminated);
        Assert.Equal(query.Id, listener.Progress[0].Id);
    }

    private sealed class RecordingListener : StreamingQueryListener
    {
        public int Started;
        public int Terminated;
        public List<StreamingQueryProgress> Progress { get; } = [];

        public override void OnQueryStarted(QueryStartedEvent started) => Interlocked.Increment(ref Started);

        public override void OnQueryProgress(StreamingQueryProgress progress)
        {
            lock (Progress) Progress.Add(progress);
        }

        public override void OnQueryTerminated(QueryTerminatedEvent terminated) => Interlocked.Increment(ref Terminated);
    }
}
