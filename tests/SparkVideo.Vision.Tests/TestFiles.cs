namespace SparkVideo.Vision.Tests;

/// <summary>Repository files, found by walking up from the test assembly to the folder holding SparkVideo.sln.</summary>
public static class TestFiles
{
    public static string Root { get; } = FindRoot();

    public static string Photo(string name) => Path.Combine(Root, "samples", "photos", name);

    public static byte[] PhotoBytes(string name) => File.ReadAllBytes(Photo(name));

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
