namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>Where the harness finds the repository, the sample video and the built programs it runs.</summary>
public static class RepoPaths
{
    public const string SolutionFile = "SparkVideo.sln";

    /// <summary>The folder holding SparkVideo.sln, found by walking up from the harness binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string SampleVideo => Path.Combine(Root, "samples", "people_walking.mp4");

    public static string DefaultResultsDir => Path.Combine(Root, "docs", "perf");

    /// <summary>The project references copy both programs (dll + deps.json + runtimeconfig.json) next to the harness.</summary>
    public static string CameraServerDll => BuiltProgram("CameraServer.dll", "src/CameraServer");

    public static string SparkJobDll => BuiltProgram("SparkJob.dll", "src/SparkJob");

    private static string BuiltProgram(string fileName, string project)
    {
        var path = Path.Combine(AppContext.BaseDirectory, fileName);
        if (!File.Exists(path))
        {
            throw new BenchException($"{fileName} is not next to the harness ({AppContext.BaseDirectory}); build {project} and this project first");
        }
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        throw new BenchException($"{SolutionFile} not found above {AppContext.BaseDirectory}; run the harness from the repository's build output");
    }
}
