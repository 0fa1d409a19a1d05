namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>The exception that stopped a StreamingQuery.</summary>
public class StreamingQueryException : Exception
{
    public StreamingQueryException(string message)
        : base(message)
    {
    }

    internal StreamingQueryException(string message, Exception cause)
        : base(message, cause)
    {
    }
}
