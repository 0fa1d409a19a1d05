using System.Globalization;
using SparkVideo.Engine.Checkpoint;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SparkVideo.Engine.Execution;
using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sinks;

namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>Describes where and how a streaming DataFrame is written; the engine offers "console" and ForeachBatch.</summary>
public sealed class DataStreamWriter
{
    private const string ForeachBatchFormat = "foreachBatch";
    private static readonly string[] ConsoleOptions = ["numRows", "truncate", "checkpointLocation"];

    private readonly DataFrame _df;
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private OutputMode _outputMode = Streaming.OutputMode.Append;
    private string? _format;
    private string[] _partitionBy = [];
    private Trigger _trigger = Streaming.Trigger.Default;
    private string? _queryName;
    private Action<DataFrame, long>? _foreachBatch;

    internal DataStreamWriter(DataFrame df) => _df = df;

    /// <summary>"append", "complete" or "update" (case-insensitive).</summary>
    public DataStreamWriter OutputMode(string outputMode)
    {
        _outputMode = outputMode?.ToLowerInvariant() switch
        {
            "append" => Streaming.OutputMode.Append,
            "complete" => Streaming.OutputMode.Complete,
            "update" => Streaming.OutputMode.Update,
            _ => throw new ArgumentException($"Unknown output mode {outputMode}. Accepted output modes are 'append', 'complete', 'update'"),
        };
        return this;
    }

    public DataStreamWriter OutputMode(OutputMode outputMode) => OutputMode(outputMode.ToString());

    public DataStreamWriter Format(string source)
    {
        _format = source;
        return this;
    }

    public DataStreamWriter PartitionBy(params string[] colNames)
    {
        _partitionBy = colNames ?? [];
        return this;
    }

    public DataStreamWriter Option(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    public DataStreamWriter Option(string key, bool value) => Option(key, value ? "true" : "false");

    public DataStreamWriter Option(string key, long value) => Option(key, value.ToString(CultureInfo.InvariantCulture));

    public DataStreamWriter Option(string key, double value) => Option(key, JavaDoubleFormatter.Format(value));

    public DataStreamWriter Options(Dictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach ((string key, string value) in options)
        {
            _options[key] = value;
        }
        return this;
    }

    public DataStreamWriter Trigger(Trigger trigger)
    {
        _trigger = trigger ?? throw new ArgumentNullException(nameof(trigger));
        return this;
    }

    public DataStreamWriter QueryName(string queryName)
    {
        _queryName = queryName;
        return this;
    }

    /// <summary>Calls func with each micro-batch as an in-memory DataFrame and its batch id.</summary>
    public DataStreamWriter ForeachBatch(Action<DataFrame, long> func)
    {
        _foreachBatch = func ?? throw new ArgumentNullException(nameof(func));
        _format = ForeachBatchFormat;
        return this;
    }

#nullable disable annotations
    /// <summary>Starts the query. The console and foreachBatch sinks take no path.</summary>
    public StreamingQuery Start(string path = null)
#nullable restore annotations
    {
        if (!string.IsNullOrEmpty(path))
        {
            throw new NotSupportedException($"The {_format} sink does not take a path (got '{path}').");
        }
        if (_trigger.Kind == TriggerKind.Continuous)
        {
            throw new NotSupportedException("Continuous processing (Trigger.Continuous) is not supported by the embedded engine.");
        }
        if (_outputMode == Streaming.OutputMode.Complete)
        {
            throw new AnalysisException("Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets;");
        }
        if (_partitionBy.Length > 0)
        {
            throw new NotSupportedException($"partitionBy({string.Join(", ", _partitionBy)}) is not supported by the {_format} sink.");
        }
        SparkSession session = _df.Session;
        IStreamingSink sink = CreateSink(session);
        CheckpointDirectory checkpoint = OpenCheckpoint(session);
        var execution = new MicroBatchExecution(session, _df.Plan, sink, _trigger, _queryName, checkpoint);
        var query = new StreamingQuery(execution);
        execution.Attach(query);
        session.RegisterQuery(query);
        try
        {
            execution.Start();
        }
        catch
        {
            session.UnregisterQuery(query);
            throw;
        }
        return query;
    }

    private IStreamingSink CreateSink(SparkSession session)
    {
        if (string.Equals(_format, "console", StringComparison.OrdinalIgnoreCase))
        {
            RejectUnknownOptions(ConsoleOptions);
            return ConsoleSink.Create(session.Settings.ConsoleOut, _options);
        }
        if (_format == ForeachBatchFormat && _foreachBatch is not null)
        {
            RejectUnknownOptions(["checkpointLocation"]);
            return new ForeachBatchSink(session, _foreachBatch);
        }
        throw new NotSupportedException($"Streaming sink format '{_format ?? "(none)"}' is not supported by the embedded engine; " +
            "it offers \"console\" and ForeachBatch.");
    }

    /// <summary>What sources/0/0 records: the engine's socket source has no replayable offsets, only this description.</summary>
    private string SourceDescription()
    {
        for (LogicalPlan? node = _df.Plan; node is not null; node = node.Child)
        {
            if (node is StreamingSourcePlan socket)
            {
                return new JObject(new JProperty("source", "socket"), new JProperty("host", socket.Options.Host),
                    new JProperty("port", socket.Options.Port)).ToString(Formatting.None);
            }
        }
        throw new AnalysisException("The query has no streaming source.");
    }

    private void RejectUnknownOptions(string[] known)
    {
        string[] unknown = _options.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw new NotSupportedException($"The {_format} sink does not support the option(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))}; " +
                $"supported: {string.Join(", ", known)}.");
        }
    }

    /// <summary>
    /// Spark's rules: the checkpointLocation option, else spark.sql.streaming.checkpointLocation/&lt;name or id&gt;,
    /// else a temporary folder for the console sink (deleted when the query stops cleanly); foreachBatch needs one.
    /// </summary>
    private CheckpointDirectory OpenCheckpoint(SparkSession session)
    {
        string source = SourceDescription();
        if (_options.TryGetValue("checkpointLocation", out string? location) && !string.IsNullOrWhiteSpace(location))
        {
            return CheckpointDirectory.Open(location, isTemporary: false, source);
        }
        if (session.GetConf("spark.sql.streaming.checkpointLocation") is { Length: > 0 } root)
        {
            return CheckpointDirectory.Open(Path.Combine(root, _queryName ?? Guid.NewGuid().ToString()), isTemporary: false, source);
        }
        if (_format == ForeachBatchFormat)
        {
            throw new AnalysisException("checkpointLocation must be specified either through option(\"checkpointLocation\", ...) " +
                "or SparkSession.conf.set(\"spark.sql.streaming.checkpointLocation\", ...)");
        }
        string temp = Path.Combine(Path.GetTempPath(), $"temporary-{Guid.NewGuid()}");
        return CheckpointDirectory.Open(temp, isTemporary: true, source);
    }
}
