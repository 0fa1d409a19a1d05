namespace SparkVideo.SparkSubmit.Tests;

/// <summary>The command spark-submit.ps1 builds and runs, against a stand-in Spark layout.</summary>
public sealed class SparkSubmitScriptTests : IDisposable
{
    private readonly FakeSparkInstall install = new();

    [Fact]
    public void DryRunPrintsTheExactDotnetRunnerCommandWithoutRunningIt()
    {
        install.WithEverything();

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "-DryRun", "--", "--port", "9999");

        Assert.Equal(0, result.ExitCode);
        var expected = $"{install.SparkHome}/bin/spark-submit --class org.apache.spark.deploy.dotnet.DotnetRunner --master 'local[*]' --deploy-mode client " +
                       $"{install.AppDir}/{install.JarName} dotnet {install.AppDir}/SparkJob.dll --port 9999";
        Assert.Contains(expected, result.StdOut);
        Assert.Contains($"DOTNET_WORKER_DIR={install.WorkerDir}", result.StdOut);
        Assert.False(File.Exists(install.RecordedArgs), "a dry run must not call spark-submit");
    }

    [Fact]
    public void SubmitsToTheGivenMasterWithTheWorkerDirectoryExported()
    {
        install.WithEverything();

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "-Master", "spark://head:7077", "--", "--host", "camera", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var args = File.ReadAllLines(install.RecordedArgs);
        Assert.Equal(
            ["--class", "org.apache.spark.deploy.dotnet.DotnetRunner", "--master", "spark://head:7077", "--deploy-mode", "client",
             Path.Combine(install.AppDir, install.JarName), "dotnet", Path.Combine(install.AppDir, "SparkJob.dll"), "--host", "camera", "--port", "9999"],
            args);
        Assert.Contains($"DOTNET_WORKER_DIR seen by spark-submit: {install.WorkerDir}", result.StdOut);
    }

    [Fact]
    public void FindsTheJarMatchingSparkInTheNuGetCache()
    {
        install.WithSpark().WithJava().WithWorker().WithApp(withJar: false);
        var cachedJar = Path.Combine(install.Root, "nuget", "microsoft.spark", "2.3.1", "jars", install.JarName);
        Directory.CreateDirectory(Path.GetDirectoryName(cachedJar)!);
        File.WriteAllBytes(cachedJar, []);

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "-DryRun");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains(cachedJar, result.StdOut);
    }

    public void Dispose() => install.Dispose();
}
