namespace SparkVideo.Engine.Tests.Support;

/// <summary>
/// Tests that count the process's threads or need the thread pool's workers free. xunit runs this collection after
/// the others, one test at a time: the vector tests run four checks at once on pool threads, each blocking its thread
/// while it waits, and with xunit's and the test host's own waiting threads that left no worker for the engine's
/// partitions for over a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotParallelCollection
{
    public const string Name = "not parallel";
}
