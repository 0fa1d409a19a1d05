namespace SparkVideo.Processing;

/// <summary>
/// A frame could not be written to its folder: the query stops on it (as Spark fails the task). The message is one
/// line naming the folder, the reason and the free space left on the folder's volume.
/// </summary>
public sealed class FrameWriteException : IOException
{
    public FrameWriteException(string directory, string reason, Exception inner)
        : base($"cannot write frames to '{directory}': {reason} ({VolumeSpace.Describe(directory)})", inner)
    {
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>The first <see cref="FrameWriteException"/> in <paramref name="failure"/> or its inner exceptions.</summary>
    public static FrameWriteException? FindIn(Exception? failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is FrameWriteException found)
            {
                return found;
            }
            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(FindIn).FirstOrDefault(inner => inner is not null);
            }
        }
        return null;
    }
}
