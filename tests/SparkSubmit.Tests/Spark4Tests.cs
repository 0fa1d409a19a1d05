namespace SparkVideo.SparkSubmit.Tests;

/// <summary>
/// Spark 4.0 through Microsoft.Spark 2.4.0's Scala 2.13 bridge (microsoft-spark-4-0_2.13-2.4.0.jar) with JDK 17, and
/// the one line that names the release to use when the Spark and the package do not fit.
/// </summary>
public sealed class Spark4Tests : IDisposable
{
    private FakeSparkInstall _install = new("4.0.4");

    [Fact]
    public void Spark_4_0_runs_the_2_4_0_Scala_2_13_bridge_with_JDK_17_checked()
    {
        _install.WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-DryRun", "--", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal("microsoft-spark-4-0_2.13-2.4.0.jar", _install.JarName);
        Assert.Contains($"--master 'local[*]' {_install.AppDir}/microsoft-spark-4-0_2.13-2.4.0.jar dotnet {_install.AppDir}/SparkJob.dll --port 9999", result.StdOut);
        Assert.Contains($"DOTNET_WORKER_DIR={_install.WorkerDir}", result.StdOut);
    }

    [Fact]
    public void Spark_4_0_publishes_the_job_for_Microsoft_Spark_2_4_0()
    {
        _install.WithSpark().WithJava().WithWorker().WithJarInNuGetCache().WithPublishStub();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("-p:MicrosoftSparkVersion=2.4.0", File.ReadAllLines(_install.RecordedPublishArgs));
        Assert.Contains(Path.Combine(_install.Root, "nuget", "microsoft.spark", "2.4.0", "jars", "microsoft-spark-4-0_2.13-2.4.0.jar"), File.ReadAllLines(_install.RecordedArgs));
    }

    [Theory]
    [InlineData("11.0.21")]
    [InlineData("1.8.0_392")]
    public void Spark_4_with_an_older_JDK_stops_with_one_line_naming_JDK_17(string javaVersion)
    {
        _install.WithSpark().WithJava(javaVersion).WithWorker().WithApp();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-DryRun");

        var line = OneErrorLine(result);
        Assert.Contains("needs JDK 17 or newer", line);
        Assert.Contains($"is Java {javaVersion.Replace("1.8", "8", StringComparison.Ordinal).Split('.')[0]}", line);
    }

    [Fact]
    public void Spark_4_with_only_the_2_3_1_worker_stops_with_one_line_naming_2_4_0()
    {
        _install.Dispose();
        _install = new FakeSparkInstall("4.0.4", microsoftSparkVersion: "2.3.1").WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-DryRun");

        var line = OneErrorLine(result);
        Assert.Contains("2.3.1", line);
        Assert.Contains("Microsoft.Spark 2.4.0", line);
    }

    [Fact]
    public void Spark_4_with_2_3_1_asked_for_stops_with_one_line_naming_2_4_0()
    {
        _install.WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-MicrosoftSparkVersion", "2.3.1", "-DryRun");

        Assert.Equal("spark-submit.ps1: Spark 4.0.4 needs Microsoft.Spark 2.4.0: 2.3.1 has no 4.0 bridge. " +
                     "Pass -MicrosoftSparkVersion 2.4.0 with the Microsoft.Spark.Worker 2.4.0 (net8.0).", OneErrorLine(result));
    }

    [Theory]
    [InlineData("4.1.0")]
    [InlineData("3.2.3")]
    public void A_Spark_no_release_serves_stops_with_one_line_saying_what_to_install(string sparkVersion)
    {
        _install.Dispose();
        _install = new FakeSparkInstall(sparkVersion).WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-DryRun");

        var line = OneErrorLine(result);
        Assert.Equal("spark-submit.ps1: SparkVideo runs on Spark 3.3 (2.3.1/2.4.0), 3.4 (2.3.1/2.4.0), 3.5 (2.3.1/2.4.0), 4.0 (2.4.0) " +
                     $"with those Microsoft.Spark releases, not on Spark {sparkVersion}: install Spark 4.0.x with Microsoft.Spark 2.4.0, or 3.5.x.", line);
    }

    [Fact]
    public void A_Spark_built_for_another_Scala_than_the_bridge_is_named()
    {
        _install.Dispose();
        _install = new FakeSparkInstall("3.5.1", scala: "2.13").WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-DryRun");

        Assert.Contains("is built for Scala 2.13, but Microsoft.Spark's 3.5 bridge is for Scala 2.12", OneErrorLine(result));
    }

    [Fact]
    public void Spark_3_5_with_Microsoft_Spark_2_4_0_uses_its_Scala_2_12_bridge()
    {
        _install.Dispose();
        _install = new FakeSparkInstall("3.5.3", microsoftSparkVersion: "2.4.0").WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-MicrosoftSparkVersion", "2.4.0", "-DryRun");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains($"{_install.AppDir}/microsoft-spark-3-5_2.12-2.4.0.jar dotnet", result.StdOut);
    }

    private static string OneErrorLine(SparkSubmitScript.Result result)
    {
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("spark-submit.ps1: ", line);
        return line;
    }

    public void Dispose() => _install.Dispose();
}
