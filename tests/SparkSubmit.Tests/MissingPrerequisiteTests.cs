namespace SparkVideo.SparkSubmit.Tests;

/// <summary>One clear message for each prerequisite spark-submit.ps1 cannot find.</summary>
public sealed class MissingPrerequisiteTests : IDisposable
{
    private readonly FakeSparkInstall install = new();

    [Theory]
    [InlineData("java", "Java was not found")]
    [InlineData("spark", "SPARK_HOME is not set")]
    [InlineData("worker", "DOTNET_WORKER_DIR is not set")]
    [InlineData("jar", "microsoft-spark-3-5_2.12-2.3.1.jar was not found")]
    public void EachMissingPrerequisiteStopsWithOneClearMessage(string missing, string message)
    {
        if (missing != "java")
            install.WithJava();
        if (missing != "spark")
            install.WithSpark();
        if (missing != "worker")
            install.WithWorker();
        install.WithApp(withJar: missing != "jar");
        var environment = install.Environment();
        if (missing == "java")
            environment["JAVA_HOME"] = null;
        if (missing == "spark")
            environment["SPARK_HOME"] = null;
        if (missing == "worker")
            environment["DOTNET_WORKER_DIR"] = null;

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

        var result = SparkSubmitScript.Run(install, install.Environment(), "-AppPath", install.AppDir, "-DryRun");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not an Apache Spark installation", result.StdErr);
    }

    public void Dispose() => install.Dispose();
}
