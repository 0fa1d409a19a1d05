using System.IO.Compression;

namespace SparkVideo.SparkSubmit.Tests;

/// <summary>The command spark-submit.ps1 builds and runs, against a stand-in Spark layout.</summary>
public sealed class SparkSubmitScriptTests : IDisposable
{
    private const string Runner = "org.apache.spark.deploy.dotnet.DotnetRunner";

    private FakeSparkInstall install = new();

    [Fact]
    public void DryRunPrintsTheExactDotnetRunnerCommandWithoutRunningIt()
    {
        install.WithEverything();

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "-DryRun", "--", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var expected = $"{install.SparkHome}/bin/spark-submit --class {Runner} --master 'local[*]' " +
                       $"{install.AppDir}/{install.JarName} dotnet {install.AppDir}/SparkJob.dll --port 9999";
        Assert.Contains(expected, result.StdOut);
        Assert.Contains($"DOTNET_WORKER_DIR={install.WorkerDir}", result.StdOut);
        Assert.Contains($"DOTNET_ASSEMBLY_SEARCH_PATHS={install.AppDir}", result.StdOut);
        Assert.False(File.Exists(install.RecordedArgs), "a dry run must not call spark-submit");
    }

    [Fact]
    public void AClusterMasterShipsTheJobAsAnArchiveThatExecutorsSearch()
    {
        install.WithEverything();

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "-Master", "spark://head:7077", "--", "--host", "camera", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var zip = install.AppDir + ".zip";
        Assert.Equal(
            ["--class", Runner, "--master", "spark://head:7077", "--archives", $"{zip}#sparkvideo",
             "--conf", "spark.executorEnv.DOTNET_ASSEMBLY_SEARCH_PATHS=./sparkvideo",
             "--conf", $"spark.executorEnv.DOTNET_WORKER_DIR={install.WorkerDir}",
             Path.Combine(install.AppDir, install.JarName), "dotnet", Path.Combine(install.AppDir, "SparkJob.dll"), "--host", "camera", "--port", "9999"],
            File.ReadAllLines(install.RecordedArgs));
        using var archive = ZipFile.OpenRead(zip);
        Assert.Contains(archive.Entries, entry => entry.FullName == "SparkJob.dll");
        Assert.Contains($"DOTNET_WORKER_DIR seen by spark-submit: {install.WorkerDir}", result.StdOut);
    }

    [Theory]
    [InlineData("3.5.3", false)]
    [InlineData("3.5.4", true)]
    [InlineData("3.5.7", true)]
    [InlineData("3.4.4", false)]
    public void ASparkPatchNewerThanTheJarKnowsIsAllowedExplicitly(string sparkVersion, bool expectFlag)
    {
        install.Dispose();
        install = new FakeSparkInstall(sparkVersion).WithEverything();
        var minor = string.Join('-', sparkVersion.Split('.')[..2]);
        File.Move(Path.Combine(install.AppDir, install.JarName), Path.Combine(install.AppDir, $"microsoft-spark-{minor}_2.12-2.3.1.jar"));

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "--", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var args = File.ReadAllLines(install.RecordedArgs);
        Assert.Equal(expectFlag, args.Contains("spark.dotnet.ignoreSparkPatchVersionCheck=true"));
    }

    [Theory]
    [InlineData("3.5.1", "local[*]", "--master 'local[*]' {jar}")]
    [InlineData("3.5.1", "yarn", "--master yarn --archives '{app}.zip#sparkvideo' --conf spark.executorEnv.DOTNET_ASSEMBLY_SEARCH_PATHS=./sparkvideo --conf spark.executorEnv.DOTNET_WORKER_DIR={worker} {jar}")]
    [InlineData("3.5.4", "local[2]", "--master 'local[2]' --conf spark.dotnet.ignoreSparkPatchVersionCheck=true {jar}")]
    public void DryRunShowsWhatEachLayoutAndMasterAdds(string sparkVersion, string master, string expected)
    {
        install.Dispose();
        install = new FakeSparkInstall(sparkVersion).WithEverything();

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "-Master", master, "-DryRun", "--", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var jar = Path.Combine(install.AppDir, install.JarName);
        Assert.Contains(expected.Replace("{jar}", jar).Replace("{app}", install.AppDir).Replace("{worker}", install.WorkerDir), result.StdOut);
        Assert.False(File.Exists(install.RecordedArgs) || File.Exists(install.AppDir + ".zip"), "a dry run must not call spark-submit or pack the job");
    }

    [Fact]
    public void WithoutAnAppPathItPublishesForThePortableRuntime()
    {
        install.WithSpark().WithJava().WithWorker().WithJarInNuGetCache().WithPublishStub();

        var result = SparkSubmitScript.Run(install, install.Environment(), "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var publish = File.ReadAllLines(install.RecordedPublishArgs);
        var rid = publish[Array.IndexOf(publish, "-r") + 1];
        Assert.Equal(SparkVideo.Native.PortableRuntimeId.Current, rid);
        Assert.Contains("-p:SparkBackend=Microsoft.Spark", publish);
        Assert.EndsWith("--port\n9999", File.ReadAllText(install.RecordedArgs).TrimEnd());
    }

    [Fact]
    public void JobArgumentsThatLookLikeTheScriptsOwnPassThroughUnchanged()
    {
        install.WithEverything();

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "--master", "local[2]", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var args = File.ReadAllLines(install.RecordedArgs);
        Assert.Equal("local[*]", args[Array.IndexOf(args, "--master") + 1]);
        Assert.Equal(["--master", "local[2]", "--port", "9999"], args[^4..]);
    }

    [Fact]
    public void FindsTheJarMatchingSparkInTheNuGetCache()
    {
        install.WithSpark().WithJava().WithWorker().WithApp(withJar: false).WithJarInNuGetCache();

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "-DryRun");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains(Path.Combine(install.Root, "nuget", "microsoft.spark", "2.3.1", "jars", install.JarName), result.StdOut);
    }

    [Fact]
    public void AnUnknownScriptOptionIsAUsageErrorOnOneLine()
    {
        install.WithEverything();

        var result = SparkSubmitScript.Run(install, install.Environment(), "-Mastr", "local[2]");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("spark-submit.ps1: unknown option '-Mastr' (job options take two dashes, e.g. --port) (see ./spark-submit.ps1 -Help)", result.StdErr.Trim());
    }

    public void Dispose() => install.Dispose();
}
