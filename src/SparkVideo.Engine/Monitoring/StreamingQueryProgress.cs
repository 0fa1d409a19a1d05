namespace SparkVideo.Engine.Monitoring;

/// <summary>What one micro-batch did: a few of Spark's StreamingQueryProgress fields plus the source's dropped lines.</summary>
public sealed record StreamingQueryProgress
{
    /// <summary>The query id (StreamingQuery.Id).</summary>
    public required string Id { get; init; }

    public required long BatchId { get; init; }

    /// <summary>Lines the batch took from the socket source.</summary>
    public required long NumInputRows { get; init; }

    /// <summary>How long the batch took, start to commit: Spark's <c>durationMs["triggerExecution"]</c>.</summary>
    public required long TriggerExecutionMs { get; init; }

    /// <summary>Rows the sink received (after filters).</summary>
    public required long NumOutputRows { get; init; }

    /// <summary>Lines the socket source dropped over maxLineBytes since the query started (engine extra).</summary>
    public required long DroppedOverlongLines { get; init; }
}
