namespace SparkVideo.TfliteToOnnx.Tests.Support;

/// <summary>Locates repository files by walking up from the test assembly to the folder holding SparkVideo.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SparkVideo.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SparkVideo.sln not found above " + AppContext.BaseDirectory);
    }
}
