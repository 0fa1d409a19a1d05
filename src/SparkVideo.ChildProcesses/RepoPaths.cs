namespace SparkVideo.ChildProcesses;

/// <summary>Locates the repository from the running program (walking up to SparkVideo.sln) and its sample media.</summary>
public static class RepoPaths
{
    public const string SolutionFileName = "SparkVideo.sln";

    private static readonly Lazy<string> RootPath = new(() => FindRoot(AppContext.BaseDirectory));

    /// <summary>The folder holding SparkVideo.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>samples/people_walking.mp4: 640x480, 10 FPS, 100 frames.</summary>
    public static string PeopleWalkingVideo => Path.Combine(Samples, "people_walking.mp4");

    public static string PhotosDirectory => Path.Combine(Samples, "photos");

    /// <summary>Every samples/photos/*.jpg, sorted by name.</summary>
    public static IReadOnlyList<string> Photos =>
        [.. Directory.GetFiles(PhotosDirectory, "*.jpg").Order(StringComparer.Ordinal)];

    public static string Models => Path.Combine(Root, "models");

    /// <summary>A path relative to the repository root, with '/' separators.</summary>
    public static string InRepo(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A file in the running program's output folder, e.g. the dll of a program its project references.</summary>
    public static string InOutputFolder(string fileName) => Path.Combine(AppContext.BaseDirectory, fileName);

    public static string FindRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"{SolutionFileName} not found in {startDirectory} or any parent folder");
    }
}
