namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>A private temporary folder for one run, deleted with everything in it on dispose.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sparkvideo-bench-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name)
    {
        var dir = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"warning: could not delete {Path}: {e.Message}");
        }
    }
}
