using System.IO.Compression;

namespace SparkVideo.SparkSubmit.Tests;

/// <summary>The command spark-submit.ps1 builds and runs, against a stand-in Spark layout.</summary>
[Collection(PublishedJob.Name)]
public sealed class SparkSubmitScriptTests : IDisposable
{
    private const string Runner = "org.apache.spark.deploy.dotnet.DotnetRunner";

    private FakeSparkInstall _install = new();

    [Fact]
    public void Dry_run_prints_the_exact_dotnet_runner_command_without_running_it()
    {
        _install.WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-DryRun", "--", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var expected = $"{_install.SparkHome}/bin/spark-submit --class {Runner} --master 'local[*]' " +
                       $"{_install.AppDir}/{_install.JarName} dotnet {_install.AppDir}/SparkJob.dll --port 9999";
        Assert.Contains(expected, result.StdOut);
        Assert.Contains($"DOTNET_WORKER_DIR={_install.WorkerDir}", result.StdOut);
        Assert.Contains($"DOTNET_ASSEMBLY_SEARCH_PATHS={_install.AppDir}", result.StdOut);
        Assert.False(File.Exists(_install.RecordedArgs), "a dry run must not call spark-submit");
    }

    [Fact]
    public void A_cluster_master_ships_the_job_as_an_archive_that_executors_search()
    {
        _install.WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-Master", "spark://head:7077", "--", "--host", "camera", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var zip = _install.AppDir + ".zip";
        Assert.Equal(
            ["--class", Runner, "--master", "spark://head:7077", "--archives", $"{zip}#sparkvideo",
             "--conf", "spark.executorEnv.DOTNET_ASSEMBLY_SEARCH_PATHS=./sparkvideo",
             "--conf", $"spark.executorEnv.DOTNET_WORKER_DIR={_install.WorkerDir}",
             Path.Combine(_install.AppDir, _install.JarName), "dotnet", Path.Combine(_install.AppDir, "SparkJob.dll"), "--host", "camera", "--port", "9999"],
            File.ReadAllLines(_install.RecordedArgs));
        using var archive = ZipFile.OpenRead(zip);
        Assert.Contains(archive.Entries, entry => entry.FullName == "SparkJob.dll");
        Assert.Contains($"DOTNET_WORKER_DIR seen by spark-submit: {_install.WorkerDir}", result.StdOut);
    }

    [Theory]
    [InlineData("3.5.3", false)]
    [InlineData("3.5.4", true)]
    [InlineData("3.5.7", true)]
    [InlineData("3.4.4", false)]
    [InlineData("4.0.4", false)]
    [InlineData("4.0.5", true)]
    public void A_Spark_patch_newer_than_the_jar_knows_is_allowed_explicitly(string sparkVersion, bool expectFlag)
    {
        _install.Dispose();
        _install = new FakeSparkInstall(sparkVersion).WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "--", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var args = File.ReadAllLines(_install.RecordedArgs);
        Assert.Equal(expectFlag, args.Contains("spark.dotnet.ignoreSparkPatchVersionCheck=true"));
    }

    [Theory]
    [InlineData("3.5.1", "local[*]", "--master 'local[*]' {jar}")]
    [InlineData("3.5.1", "yarn", "--master yarn --archives '{app}.zip#sparkvideo' --conf spark.executorEnv.DOTNET_ASSEMBLY_SEARCH_PATHS=./sparkvideo --conf spark.executorEnv.DOTNET_WORKER_DIR={worker} {jar}")]
    [InlineData("3.5.4", "local[2]", "--master 'local[2]' --conf spark.dotnet.ignoreSparkPatchVersionCheck=true {jar}")]
    public void Dry_run_shows_what_each_layout_and_master_adds(string sparkVersion, string master, string expected)
    {
        _install.Dispose();
        _install = new FakeSparkInstall(sparkVersion).WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-Master", master, "-DryRun", "--", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var jar = Path.Combine(_install.AppDir, _install.JarName);
        Assert.Contains(expected.Replace("{jar}", jar).Replace("{app}", _install.AppDir).Replace("{worker}", _install.WorkerDir), result.StdOut);
        Assert.False(File.Exists(_install.RecordedArgs) || File.Exists(_install.AppDir + ".zip"), "a dry run must not call spark-submit or pack the job");
    }

    [Fact]
    public void Without_an_app_path_it_publishes_for_the_portable_runtime()
    {
        _install.WithSpark().WithJava().WithWorker().WithJarInNuGetCache().WithPublishStub();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var publish = File.ReadAllLines(_install.RecordedPublishArgs);
        var rid = publish[Array.IndexOf(publish, "-r") + 1];
        Assert.Equal(SparkVideo.Native.PortableRuntimeId.Current, rid);
        Assert.Contains("-p:SparkBackend=Microsoft.Spark", publish);
        Assert.EndsWith("--port\n9999", File.ReadAllText(_install.RecordedArgs).TrimEnd());
    }

    [Fact]
    public void Job_arguments_that_look_like_the_scripts_own_pass_through_unchanged()
    {
        _install.WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "--master", "local[2]", "--port", "9999");

        Assert.True(result.ExitCode == 0, result.StdErr);
        var args = File.ReadAllLines(_install.RecordedArgs);
        Assert.Equal("local[*]", args[Array.IndexOf(args, "--master") + 1]);
        Assert.Equal(["--master", "local[2]", "--port", "9999"], args[^4..]);
    }

    [Fact]
    public void Finds_the_jar_matching_Spark_in_the_NuGet_cache()
    {
        _install.WithSpark().WithJava().WithWorker().WithApp(withJar: false).WithJarInNuGetCache();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-AppPath", _install.AppDir, "-DryRun");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains(Path.Combine(_install.Root, "nuget", "microsoft.spark", "2.3.1", "jars", _install.JarName), result.StdOut);
    }

    [Fact]
    public void An_unknown_script_option_is_a_usage_error_on_one_line()
    {
        _install.WithEverything();

        var result = SparkSubmitScript.Run(_install, _install.Environment(), "-Mastr", "local[2]");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("spark-submit.ps1: unknown option '-Mastr' (job options take two dashes, e.g. --port) (see ./spark-submit.ps1 -Help)", result.StdErr.Trim());
    }

    public void Dispose() => _install.Dispose();
}
