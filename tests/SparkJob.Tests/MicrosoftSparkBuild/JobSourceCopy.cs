using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Job.Tests.MicrosoftSparkBuild;

/// <summary>
/// A copy of what the job's build reads (src/, the build props, the Microsoft.Spark stand-in and its generator) in a
/// temporary folder, so a test can add a file to the job and build it for either backend without touching the
/// repository or the assemblies under test. Removed with the fixture.
/// </summary>
public sealed partial class JobSourceCopy : IDisposable
{
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig"];
    private static readonly string[] Folders = ["src", "harness/SparkApiListing", "harness/MicrosoftSparkStandIn"];
    private static readonly string[] ModelFilesTheBuildCopies = ["models/LICENSE", "models/NOTICE", "models/person_detection.onnx"];

    public JobSourceCopy()
    {
        Root = Directory.CreateTempSubdirectory("sparkvideo-job-build-").FullName;
        foreach (var file in RootFiles.Concat(ModelFilesTheBuildCopies))
        {
            CopyFile(file);
        }
        foreach (var folder in Folders)
        {
            foreach (var file in Directory.EnumerateFiles(RepoPaths.InRepo(folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepoPaths.Root, file);
                if (!relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    CopyFile(relative);
                }
            }
        }
    }

    public string Root { get; }

    /// <summary>Adds (or replaces) a source file of the job, e.g. <c>Retention/Extra.cs</c>.</summary>
    public string AddJobFile(string relativePath, string source)
    {
        var path = Path.Combine(Root, "src", "SparkJob", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source);
        return path;
    }

    public void RemoveJobFile(string relativePath) => File.Delete(Path.Combine(Root, "src", "SparkJob", relativePath));

    /// <summary>
    /// <c>dotnet build src/SparkJob</c> for the Microsoft.Spark backend against the stand-in (the CI check), or for the
    /// embedded engine.
    /// </summary>
    public BuildResult Build(bool microsoftSpark)
    {
        var command = "dotnet build src/SparkJob/SparkJob.csproj -nologo -nodeReuse:false"
            + (microsoftSpark ? " -p:SparkBackend=Microsoft.Spark -p:MicrosoftSparkReference=StandIn" : "");
        using var build = ChildProcess.StartCommandLine(command, new ChildProcessOptions { WorkingDirectory = Root });
        var exitCode = build.WaitForExit(TimeSpan.FromMinutes(8));
        var errors = build.StdoutLines.Select(line => ErrorLine().Match(line)).Where(m => m.Success)
            .Select(m => $"{Path.GetRelativePath(Root, m.Groups["file"].Value)}{m.Groups["where"].Value}: {m.Groups["code"].Value} {m.Groups["message"].Value}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new BuildResult(command, exitCode, errors, build.DescribeOutput());
    }

    private void CopyFile(string relativePath)
    {
        var target = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(RepoPaths.InRepo(relativePath.Replace(Path.DirectorySeparatorChar, '/')), target);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    [GeneratedRegex(@"^\s*(?<file>/[^(]+)(?<where>\(\d+,\d+\)): error (?<code>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex ErrorLine();
}

/// <summary>A build's exit code and its distinct errors as <c>path(line,col): CODE message</c>.</summary>
public sealed record BuildResult(string Command, int ExitCode, IReadOnlyList<string> Errors, string Output)
{
    public override string ToString() => $"{Command}: exit {ExitCode}\n{string.Join('\n', Errors)}\n{Output}";
}
