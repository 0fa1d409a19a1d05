using SparkVideo.Engine.Execution;

namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>A handle to a running streaming query.</summary>
public sealed class StreamingQuery
{
    internal StreamingQuery(MicroBatchExecution execution) => Execution = execution;

    internal MicroBatchExecution Execution { get; }

#nullable disable annotations
    /// <summary>The name given with QueryName, or null.</summary>
    public string Name => Execution.Name;
#nullable restore annotations

    /// <summary>The query id, kept across restarts from the same checkpoint.</summary>
    public string Id => Execution.Id;

    /// <summary>The id of this run; new at every start.</summary>
    public string RunId => Execution.RunId;

    public bool IsActive() => Execution.IsActive;

    /// <summary>Waits until the query is stopped or fails; rethrows the failure.</summary>
    public void AwaitTermination() => Execution.AwaitTermination(Timeout.InfiniteTimeSpan);

    /// <summary>True when the query ended within the timeout; rethrows its failure.</summary>
    public bool AwaitTermination(long timeoutMs) => Execution.AwaitTermination(TimeSpan.FromMilliseconds(Math.Max(0, timeoutMs)));

    /// <summary>Stops the query: the running batch is abandoned uncommitted and the socket closed; blocks until done.</summary>
    public void Stop() => Execution.Stop();

#nullable disable annotations
    /// <summary>The exception that ended the query, or null.</summary>
    public StreamingQueryException Exception() => Execution.Exception;
#nullable restore annotations
}
