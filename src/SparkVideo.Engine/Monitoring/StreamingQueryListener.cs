namespace SparkVideo.Engine.Monitoring;

/// <summary>
/// Receives the progress of every micro-batch, like Spark's Scala/Python StreamingQueryListener (absent from
/// dotnet/spark). Register with <c>session.Engine().AddListener(...)</c>. Called on the query's thread: keep the
/// handler short. An exception in it is logged and ignored, as Spark does.
/// </summary>
public abstract class StreamingQueryListener
{
    public abstract void OnQueryProgress(StreamingQueryProgress progress);
}
