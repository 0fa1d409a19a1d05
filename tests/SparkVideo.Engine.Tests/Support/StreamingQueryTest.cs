namespace SparkVideo.Engine.Tests;

/// <summary>A test class that starts queries: one engine session and one checkpoint folder per test, both removed after it.</summary>
public abstract class StreamingQueryTest : IDisposable
{
    private protected TestSession Session { get; } = new();

    private protected TempDir Checkpoint { get; } = new();

    public void Dispose()
    {
        Session.Dispose();
        DisposeFixtures();
        Checkpoint.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>What a test class adds to the session and the checkpoint (a line server, say).</summary>
    private protected virtual void DisposeFixtures()
    {
    }
}
