namespace SparkVideo.SparkSubmit.Tests;

public sealed class SparkSubmitScriptTests : IDisposable
{
    private readonly FakeSparkInstall install = new();

    private Dictionary<string, string?> Environment() => new()
    {
        ["SPARK_HOME"] = install.SparkHome,
        ["JAVA_HOME"] = install.JavaHome,
        ["DOTNET_WORKER_DIR"] = install.WorkerDir,
    };

    [Fact]
    public void DryRunPrintsTheExactDotnetRunnerCommandWithoutRunningIt()
    {
        install.WithEverything();

        var result = SparkSubmitScript.Run(install, Environment(), "-AppPath", install.AppDir, "-DryRun", "--", "--port", "9999");

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

        var result = SparkSubmitScript.Run(install, Environment(), "-AppPath", install.AppDir, "-Master", "spark://head:7077", "--", "--host", "camera", "--port", "9999");

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

        var result = SparkSubmitScript.Run(install, Environment(), "-AppPath", install.AppDir, "-DryRun");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains(cachedJar, result.StdOut);
    }

    [Theory]
    [InlineData("java", "Java was not found")]
    [InlineData("spark", "SPARK_HOME is not set")]
    [InlineData("worker", "DOTNET_WORKER_DIR is not set")]
    [InlineData("jar", "microsoft-spark-3-5_2.12-2.3.1.jar was not found")]
    public void EachMissingPrerequisiteStopsWithOneClearMessage(string missing, string message)
    {
        if (missing != "java") install.WithJava();
        if (missing != "spark") install.WithSpark();
        if (missing != "worker") install.WithWorker();
        install.WithApp(withJar: missing != "jar");
        var environment = Environment();
        if (missing == "java") environment["JAVA_HOME"] = null;
        if (missing == "spark") environment["SPARK_HOME"] = null;
        if (missing == "worker") environment["DOTNET_WORKER_DIR"] = null;

        var result = SparkSubmitScript.Run(install, environment, "-AppPath", install.AppDir, "-DryRun");

        Assert.Equal(1, result.ExitCode);
        var errorLines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(errorLines);
        Assert.StartsWith("spark-submit.ps1: ", line);
        Assert.Contains(message, line);
    }

    [Fact]
    public void ASparkHomeThatIsNotSparkIsNamed()
    {
        install.WithJava().WithWorker().WithApp();
        Directory.CreateDirectory(install.SparkHome);

        var result = SparkSubmitScript.Run(install, Environment(), "-AppPath", install.AppDir, "-DryRun");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not an Apache Spark installation", result.StdErr);
    }

    [Fact]
    public void HelpDescribesTheScript()
    {
        var result = SparkSubmitScript.Run(install, Environment(), "-Help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Submits the SparkVideo streaming job", result.StdOut);
        Assert.Contains("-DryRun", result.StdOut);
    }

    public void Dispose() => install.Dispose();
}
