using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Monitoring;

/// <summary>
/// What one micro-batch did, with the fields of Spark's StreamingQueryProgress (which dotnet/spark does not expose)
/// plus engine extras about the socket source. Engine-only type.
/// </summary>
public sealed record StreamingQueryProgress
{
    public required string Id { get; init; }

    public required string RunId { get; init; }

    public string? Name { get; init; }

    /// <summary>When the batch's trigger fired, ISO-8601 UTC ("2025-11-25T00:57:01.234Z").</summary>
    public required string Timestamp { get; init; }

    public required long BatchId { get; init; }

    public required long NumInputRows { get; init; }

    /// <summary>Input rows over the time since the previous batch's trigger.</summary>
    public required double InputRowsPerSecond { get; init; }

    /// <summary>Input rows over this batch's triggerExecution time.</summary>
    public required double ProcessedRowsPerSecond { get; init; }

    /// <summary>Spark's durationMs keys: latestOffset, getBatch, walCommit, queryPlanning, addBatch, triggerExecution.</summary>
    public required IReadOnlyDictionary<string, long> DurationMs { get; init; }

    /// <summary>Rows the sink received (after filters).</summary>
    public long NumOutputRows { get; init; }

    /// <summary>Lines the socket source dropped over maxLineBytes since the query started (engine extra).</summary>
    public long DroppedOverlongLines { get; init; }

    public long DroppedOverlongBytes { get; init; }

    /// <summary>Lines waiting in the source's bounded buffer when the batch ended (engine extra).</summary>
    public int BufferedLines { get; init; }

    /// <summary>Successful connections of the socket source so far; above 1 means it reconnected (engine extra).</summary>
    public int SourceConnections { get; init; }

    /// <summary>Spark-style JSON of this progress.</summary>
    public string Json => new JObject(
        new JProperty("id", Id),
        new JProperty("runId", RunId),
        new JProperty("name", Name),
        new JProperty("timestamp", Timestamp),
        new JProperty("batchId", BatchId),
        new JProperty("numInputRows", NumInputRows),
        new JProperty("inputRowsPerSecond", InputRowsPerSecond),
        new JProperty("processedRowsPerSecond", ProcessedRowsPerSecond),
        new JProperty("durationMs", new JObject(DurationMs.Select(p => new JProperty(p.Key, p.Value)))),
        new JProperty("engine", new JObject(
            new JProperty("numOutputRows", NumOutputRows),
            new JProperty("droppedOverlongLines", DroppedOverlongLines),
            new JProperty("droppedOverlongBytes", DroppedOverlongBytes),
            new JProperty("bufferedLines", BufferedLines),
            new JProperty("sourceConnections", SourceConnections)))).ToString(Formatting.None);
}
