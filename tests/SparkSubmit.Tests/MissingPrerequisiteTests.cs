namespace SparkVideo.SparkSubmit.Tests;

/// <summary>One clear message for each prerequisite spark-submit.ps1 cannot find.</summary>
public sealed class MissingPrerequisiteTests : IDisposable
{
    private readonly FakeSparkInstall _install = new();

    [Theory]
    [InlineData("java", "Java was not found")]
    [InlineData("spark", "SPARK_HOME is not set")]
    [InlineData("worker", "DOTNET_WORKER_DIR is not set")]
    [InlineData("jar", "microsoft-spark-3-5_2.12-2.3.1.jar was not found")]
    public void Each_missing_prerequisite_stops_with_one_clear_message(string missing, string message)
    {
        if (missing != "java")
            _install.WithJava();
        if (missing != "spark")
            _install.WithSpark();
        if (missing != "worker")
            _install.WithWorker();
        _install.WithApp(withJar: missing != "jar");
        var environment = _install.Environment();
        if (missing == "java")
            environment["JAVA_HOME"] = null;
        if (missing == "spark")
            environment["SPARK_HOME"] = null;
        if (missing == "worker")
            environment["DOTNET_WORKER_DIR"] = null;

        var result = SparkSubmitScript.Run(_install, environment, "-AppPath", _install.AppDir, "-DryRun");

        Assert.Equal(1, result.ExitCode);
        var errorLines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(errorLines);
        Assert.StartsWith("spark-submit.ps1: ", line);
        Assert.Contains(message, line);
    }

    [Fact]
    public void A_Spark_home_that_is_not_Spark_is_named()
    {
        _install.WithJava().WithWorker().WithApp();
        Directory.CreateDirectory(_install.SparkHome);

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-DryRun");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not an Apache Spark installation", result.StdErr);
    }

    public void Dispose() => _install.Dispose();
}
