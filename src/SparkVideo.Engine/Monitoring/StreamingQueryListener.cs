namespace SparkVideo.Engine.Monitoring;

/// <summary>
/// Receives query life-cycle events, like Spark's Scala/Python StreamingQueryListener (absent from dotnet/spark).
/// Register with <c>session.Engine().AddListener(...)</c>. Called on the query's thread: keep handlers short.
/// An exception in a handler is logged and ignored, as Spark does.
/// </summary>
public abstract class StreamingQueryListener
{
    public virtual void OnQueryStarted(QueryStartedEvent started)
    {
    }

    public virtual void OnQueryProgress(StreamingQueryProgress progress)
    {
    }

    public virtual void OnQueryTerminated(QueryTerminatedEvent terminated)
    {
    }
}

public sealed record QueryStartedEvent(string Id, string RunId, string? Name, string Timestamp);

/// <summary>Exception is the failure's message, or null when the query was stopped.</summary>
public sealed record QueryTerminatedEvent(string Id, string RunId, string? Exception);
