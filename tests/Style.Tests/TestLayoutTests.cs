using SparkVideo.ChildProcesses;

namespace SparkVideo.Style.Tests;

/// <summary><c>tests/</c> mirrors <c>src/</c>: the tests of <c>src/X</c> are in <c>tests/X.Tests</c>, found where a reader looks.</summary>
public sealed class TestLayoutTests
{
    [Fact]
    public void Every_src_project_has_a_test_project_of_its_name_in_the_solution()
    {
        var solution = File.ReadAllText(RepoPaths.InRepo(RepoPaths.SolutionFileName));
        var projects = Directory.GetDirectories(RepoPaths.InRepo("src"))
            .Select(Path.GetFileName)
            .Where(name => File.Exists(RepoPaths.InRepo($"src/{name}/{name}.csproj")))
            .ToList();
        Assert.True(projects.Count > 5, $"found only {projects.Count} projects in src/");

        var untested = projects
            .Where(name => !solution.Contains($@"tests\{name}.Tests\{name}.Tests.csproj", StringComparison.Ordinal))
            .ToList();

        Assert.True(untested.Count == 0, "src projects without tests/<name>.Tests in SparkVideo.sln: " + string.Join(", ", untested));
    }
}
