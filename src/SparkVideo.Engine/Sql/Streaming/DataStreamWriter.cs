using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SparkVideo.Engine.Checkpoint;
using SparkVideo.Engine.Execution;
using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sinks;

namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>Describes where and how a streaming DataFrame is written; the engine offers "console" and ForeachBatch.</summary>
public sealed class DataStreamWriter
{
    private const string ForeachBatchFormat = "foreachBatch";
    /// <summary>Spark's console sink reads numRows and truncate and ignores a path (Start(path) sets the option).</summary>
    private static readonly string[] ConsoleOptions = ["numRows", "truncate", "checkpointLocation", "path"];

    private readonly DataFrame _df;
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private bool _completeMode;
    private string? _format;
    private Trigger _trigger = Streaming.Trigger.Default;
    private string? _queryName;
    private Action<DataFrame, long>? _foreachBatch;

    internal DataStreamWriter(DataFrame df) => _df = df;

    /// <summary>"append", "complete" or "update" (case-insensitive); update is append for the engine's queries.</summary>
    public DataStreamWriter OutputMode(string outputMode)
    {
        _completeMode = outputMode?.ToLowerInvariant() switch
        {
            "append" or "update" => false,
            "complete" => true,
            _ => throw new ArgumentException($"Unknown output mode {outputMode}. Accepted output modes are 'append', 'complete', 'update'"),
        };
        return this;
    }

    public DataStreamWriter Format(string source)
    {
        _format = source;
        return this;
    }

    public DataStreamWriter Option(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    public DataStreamWriter Option(string key, bool value) => Option(key, value ? "true" : "false");

    public DataStreamWriter Option(string key, long value) => Option(key, value.ToString(CultureInfo.InvariantCulture));

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

    /// <summary>Starts the query on its own thread; a path is the sink's "path" option, as in Spark.</summary>
    public StreamingQuery Start(string? path = null)
    {
        if (path is not null)
        {
            Option("path", path);
        }
        if (_completeMode)
        {
            throw new AnalysisException(
                "Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets;");
        }
        SparkSession session = _df.Session;
        IStreamingSink sink = CreateSink(session);
        IReadOnlyList<StreamingSourcePlan> sources = _df.Plan.StreamingSources();
        CheckpointDirectory checkpoint = OpenCheckpoint([.. sources.Select(Describe)]);
        var execution = new MicroBatchExecution(session, _df.Plan, sources, sink, _trigger, _queryName, checkpoint);
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

    /// <summary>What sources/&lt;n&gt;/0 records: the engine's socket source has no replayable offsets, only this description.</summary>
    private static string Describe(StreamingSourcePlan source) =>
        new JObject(new JProperty("source", "socket"), new JProperty("host", source.Options.Host),
            new JProperty("port", source.Options.Port)).ToString(Formatting.None);

    private void RejectUnknownOptions(string[] known)
    {
        string[] unknown = _options.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw new NotSupportedException(
                $"The {_format} sink does not support the option(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))}; " +
                $"supported: {string.Join(", ", known)}.");
        }
    }

    /// <summary>
    /// Spark's rules: the checkpointLocation option, else a temporary folder for the console sink (deleted when the
    /// query stops cleanly); foreachBatch needs a location.
    /// </summary>
    private CheckpointDirectory OpenCheckpoint(IReadOnlyList<string> sourceDescriptions)
    {
        if (_options.TryGetValue("checkpointLocation", out string? location) && !string.IsNullOrWhiteSpace(location))
        {
            return CheckpointDirectory.Open(location, isTemporary: false, sourceDescriptions);
        }
        if (_format == ForeachBatchFormat)
        {
            throw new AnalysisException("checkpointLocation must be specified either through option(\"checkpointLocation\", ...) " +
                "or SparkSession.conf.set(\"spark.sql.streaming.checkpointLocation\", ...)");
        }
        string temp = Path.Combine(Path.GetTempPath(), $"temporary-{Guid.NewGuid()}");
        return CheckpointDirectory.Open(temp, isTemporary: true, sourceDescriptions);
    }
}
