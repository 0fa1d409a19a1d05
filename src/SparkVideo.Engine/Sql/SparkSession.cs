using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sql.Streaming;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sql;

/// <summary>The entry point: reads streams and creates DataFrames. One active session per process, as in Spark.</summary>
public sealed class SparkSession
{
    private static readonly Lock SessionLock = new();
    private static SparkSession? ActiveSession;

    private readonly List<StreamingQuery> _activeQueries = [];
    private readonly Lock _queriesLock = new();

    private SparkSession(int parallelism) => Parallelism = parallelism;

    /// <summary>Tasks run at once, from the master; shared by the sessions made with NewSession.</summary>
    internal int Parallelism { get; }

    internal EngineSettings Settings { get; } = new();

    public static Builder Builder() => new();

    public DataStreamReader ReadStream() => new(this);

    /// <summary>A session sharing this one's parallelism, with its own queries and engine settings.</summary>
    public SparkSession NewSession() => new(Parallelism);

    public DataFrame CreateDataFrame(IEnumerable<GenericRow> data, StructType schema)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schema);
        List<object?[]> rows = data.Select(r => r.Values.Length == schema.Fields.Count
            ? (object?[])r.Values.Clone()
            : throw new ArgumentException($"A row has {r.Values.Length} values but the schema has {schema.Fields.Count} fields.")).ToList();
        return new DataFrame(this, new LocalRelationPlan([rows], schema));
    }

    /// <summary>Stops every active query of this session and clears the active session.</summary>
    public void Stop()
    {
        StreamingQuery[] queries;
        lock (_queriesLock)
            queries = [.. _activeQueries];
        foreach (StreamingQuery query in queries)
        {
            query.Stop();
        }
        lock (SessionLock)
        {
            if (ReferenceEquals(ActiveSession, this))
            {
                ActiveSession = null;
            }
        }
    }

    internal static SparkSession GetOrCreate(string master)
    {
        lock (SessionLock)
        {
            return ActiveSession ??= new SparkSession(LocalMaster.Parallelism(master));
        }
    }

    /// <summary>Registers a starting query; Spark refuses two active queries with one name in a session.</summary>
    internal void RegisterQuery(StreamingQuery query)
    {
        lock (_queriesLock)
        {
            if (query.Name is { } name && _activeQueries.Any(q => q.Name == name))
            {
                throw new ArgumentException(
                    $"Cannot start query with name {name} as a query with that name is already active in this SparkSession");
            }
            _activeQueries.Add(query);
        }
    }

    internal void UnregisterQuery(StreamingQuery query)
    {
        lock (_queriesLock)
            _activeQueries.Remove(query);
    }
}
