namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>The exception that stopped a StreamingQuery.</summary>
public sealed class StreamingQueryException : Exception
{
    internal StreamingQueryException(string message, Exception cause)
        : base(message, cause)
    {
    }
}
