using SparkVideo.Testing;

namespace SparkVideo.SparkSubmit.Tests;

/// <summary>
/// Without -AppPath the script publishes the job into the repository's artifacts/ (the stand-in publish writes
/// there too). The classes that run it share this collection, so they run one at a time, and what they publish is
/// deleted after them while a user's own publish is put back.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishedJob : ICollectionFixture<PublishedJob.KeptAside>
{
    public const string Name = "the job published into artifacts/";

    public sealed class KeptAside : IDisposable
    {
        private readonly RepositoryOutputs _outputs = new("artifacts/sparkjob-microsoft-spark", "artifacts/sparkjob-microsoft-spark.zip");

        public void Dispose() => _outputs.Dispose();
    }
}
