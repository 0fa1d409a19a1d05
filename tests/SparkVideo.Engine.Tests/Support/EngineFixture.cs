using SparkVideo.Engine.Monitoring;

namespace SparkVideo.Engine.Tests.Support;

/// <summary>A session of its own per test (NewSession), with console and log captured in memory.</summary>
internal sealed class TestSession : IDisposable
{
    private readonly StringWriter _console = new();
    private readonly StringWriter _log = new();

    public TestSession()
    {
        Spark = SparkSession.Builder().AppName("engine-tests").Master("local[4]").GetOrCreate().NewSession();
        Spark.Engine().ConsoleOut = TextWriter.Synchronized(_console);
        Spark.Engine().Log = TextWriter.Synchronized(_log);
    }

    public SparkSession Spark { get; }

    public string Console
    {
        get { lock (Spark.Engine().ConsoleOut) return _console.ToString(); }
    }

    public string Log
    {
        get { lock (Spark.Engine().Log) return _log.ToString(); }
    }

    /// <summary>An in-memory DataFrame of one string column named value.</summary>
    public DataFrame Lines(params string?[] lines) =>
        Spark.CreateDataFrame(lines.Select(l => new GenericRow([l])), new StructType([new StructField("value", new StringType())]));

    /// <summary>A listener registered on this session that records every batch's progress.</summary>
    public ProgressRecorder RecordProgress()
    {
        var recorder = new ProgressRecorder();
        Spark.Engine().AddListener(recorder);
        return recorder;
    }

    public void Dispose() => Spark.Stop();
}

internal sealed class ProgressRecorder : StreamingQueryListener
{
    private readonly Lock _lock = new();
    private readonly List<StreamingQueryProgress> _progress = [];

    public List<StreamingQueryProgress> Progress
    {
        get { lock (_lock) return [.. _progress]; }
    }

    public override void OnQueryProgress(StreamingQueryProgress progress)
    {
        lock (_lock)
            _progress.Add(progress);
    }
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "engine-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

/// <summary>Collects what a ForeachBatch sink receives, safe to read from the test thread.</summary>
internal sealed class BatchCollector
{
    private readonly Lock _lock = new();
    private readonly List<(long BatchId, List<Row> Rows)> _batches = [];

    public void Add(DataFrame df, long batchId)
    {
        List<Row> rows = df.Collect().ToList();
        lock (_lock)
            _batches.Add((batchId, rows));
    }

    public List<(long BatchId, List<Row> Rows)> Batches
    {
        get { lock (_lock) return [.. _batches]; }
    }

    public List<Row> AllRows => Batches.SelectMany(b => b.Rows).ToList();
}
