namespace SparkVideo.Engine.Tests.Support;

/// <summary>
/// Tests that count the process's threads or need the thread pool's workers free. xunit runs this collection after
/// the others, one test at a time. Other tests hold pool threads while they wait (xunit's and the test host's own
/// threads too): when the vector checks still ran on the pool, that left no worker for the engine's partitions for
/// over a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotParallelCollection
{
    public const string Name = "not parallel";
}
