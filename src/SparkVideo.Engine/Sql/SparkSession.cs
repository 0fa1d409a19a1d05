using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sql.Streaming;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sql;

/// <summary>The entry point: reads streams and creates DataFrames. One active session per process, as in Spark.</summary>
public sealed class SparkSession : IDisposable
{
    private static readonly object s_lock = new();
    private static SparkSession? s_active;

    private readonly Dictionary<string, string> _conf;
    private readonly List<StreamingQuery> _activeQueries = [];
    private readonly object _queriesLock = new();

    private SparkSession(EngineContext context, Dictionary<string, string> conf)
    {
        Context = context;
        _conf = conf;
    }

    internal EngineContext Context { get; }

    internal EngineSettings Settings { get; } = new();

    public static Builder Builder() => new();

#nullable disable annotations
    /// <summary>The active session, or null.</summary>
    public static SparkSession GetActiveSession()
    {
        lock (s_lock) return s_active;
    }
#nullable restore annotations

    /// <summary>The active session; throws when there is none.</summary>
    public static SparkSession Active() =>
        GetActiveSession() ?? throw new InvalidOperationException("No active or default Spark session found");

    public DataStreamReader ReadStream() => new(this);

    /// <summary>A session sharing this one's master and parallelism, with its own configuration and engine settings.</summary>
    public SparkSession NewSession() => new(Context, new Dictionary<string, string>(_conf));

    public DataFrame CreateDataFrame(IEnumerable<GenericRow> data, StructType schema)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schema);
        List<object?[]> rows = data.Select(r => r.Size() == schema.Fields.Count
            ? (object?[])r.Values.Clone()
            : throw new ArgumentException($"Row {r} has {r.Size()} values but the schema has {schema.Fields.Count} fields.")).ToList();
        return new DataFrame(this, new LocalRelationPlan([rows], schema));
    }

    /// <summary>A DataFrame of one string column named "_1".</summary>
    public DataFrame CreateDataFrame(IEnumerable<string> data) =>
        CreateDataFrame(data.Select(s => new GenericRow([s])), new StructType([new StructField("_1", new StringType())]));

    /// <summary>Stops every active query of this session and clears the active session.</summary>
    public void Stop()
    {
        StreamingQuery[] queries;
        lock (_queriesLock) queries = [.. _activeQueries];
        foreach (StreamingQuery query in queries)
        {
            query.Stop();
        }
        lock (s_lock)
        {
            if (ReferenceEquals(s_active, this))
            {
                s_active = null;
            }
        }
    }

    public void Dispose() => Stop();

    internal string? GetConf(string key) => _conf.GetValueOrDefault(key);

    internal IReadOnlyDictionary<string, string> ConfWithPrefix(string prefix) =>
        _conf.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);

    internal static SparkSession GetOrCreate(IReadOnlyDictionary<string, string> options)
    {
        lock (s_lock)
        {
            if (s_active is null)
            {
                var context = new EngineContext(
                    options.GetValueOrDefault("spark.master", "local[*]"),
                    options.GetValueOrDefault("spark.app.name", "SparkVideo"));
                s_active = new SparkSession(context, new Dictionary<string, string>(StringComparer.Ordinal));
            }
            // As in Spark, options given to a builder are applied to an existing session's SQL conf too.
            foreach ((string key, string value) in options)
            {
                s_active._conf[key] = value;
            }
            return s_active;
        }
    }

    /// <summary>Registers a starting query; Spark refuses two active queries with one name in a session.</summary>
    internal void RegisterQuery(StreamingQuery query)
    {
        lock (_queriesLock)
        {
            if (query.Name is { } name && _activeQueries.Any(q => q.Name == name))
            {
                throw new ArgumentException($"Cannot start query with name {name} as a query with that name is already active in this SparkSession");
            }
            _activeQueries.Add(query);
        }
    }

    internal void UnregisterQuery(StreamingQuery query)
    {
        lock (_queriesLock) _activeQueries.Remove(query);
    }
}
