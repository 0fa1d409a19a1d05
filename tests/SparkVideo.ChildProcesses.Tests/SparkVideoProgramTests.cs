using System.Text.RegularExpressions;

namespace SparkVideo.ChildProcesses.Tests;

public sealed class SparkVideoProgramTests
{
    [Fact]
    public void A_program_that_is_not_built_is_one_message_naming_the_project_to_build()
    {
        var missing = new SparkVideoProgram("NoSuchProgram", "src/NoSuchProgram");

        Assert.False(missing.IsBuilt);
        var error = Assert.Throws<FileNotFoundException>(() => missing.Start(["--help"]));
        Assert.Equal(missing.Dll, error.FileName);
        Assert.StartsWith("NoSuchProgram.dll is not next to ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; build src/NoSuchProgram and the project that runs it", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Each_program_is_built_by_the_project_its_record_names()
    {
        foreach (var program in new[] { SparkVideoProgram.Job, SparkVideoProgram.CameraServer, SparkVideoProgram.Demo, SparkVideoProgram.Soak })
        {
            var project = RepoPaths.InRepo($"{program.Project}/{Path.GetFileName(program.Project)}.csproj");
            Assert.True(File.Exists(project), $"{project} does not exist");
            var assemblyName = Regex.Match(File.ReadAllText(project), "<AssemblyName>([^<]+)</AssemblyName>");
            Assert.Equal(program.AssemblyName, assemblyName.Success ? assemblyName.Groups[1].Value : Path.GetFileName(program.Project));
        }
    }
}
