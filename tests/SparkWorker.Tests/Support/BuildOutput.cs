using SparkVideo.ChildProcesses;

namespace SparkWorker.Tests.Support;

/// <summary>Another project's build output folder, for the configuration and framework this test assembly was built with.</summary>
internal static class BuildOutput
{
    public static string Of(string projectDirectory)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var folder = Path.Combine(RepoPaths.InRepo(projectDirectory), "bin", configuration, framework);
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"{projectDirectory} is not built for {configuration}/{framework}: build the solution first");
    }
}
