namespace SparkVideo.SparkSubmit.Tests;

/// <summary>
/// A throw-away directory laid out like the prerequisites spark-submit.ps1 looks for: a Spark install whose
/// bin/spark-submit records its arguments, a JDK, a Microsoft.Spark worker and a published job with its jar.
/// Each part can be left out to check the script's message for it.
/// </summary>
public sealed class FakeSparkInstall : IDisposable
{
    public FakeSparkInstall(string sparkVersion = "3.5.1")
    {
        SparkVersion = sparkVersion;
        Root = Directory.CreateTempSubdirectory("sparkvideo-submit-").FullName;
        SparkHome = Path.Combine(Root, $"spark-{sparkVersion}-bin-hadoop3");
        JavaHome = Path.Combine(Root, "jdk");
        WorkerDir = Path.Combine(Root, "Microsoft.Spark.Worker-2.3.1");
        AppDir = Path.Combine(Root, "app");
        RecordedArgs = Path.Combine(Root, "spark-submit-args.txt");
        RecordedPublishArgs = Path.Combine(Root, "dotnet-publish-args.txt");
        ToolsDir = Path.Combine(Root, "bin");
    }

    public string SparkVersion { get; }

    public string Root { get; }
    public string SparkHome { get; }
    public string JavaHome { get; }
    public string WorkerDir { get; }
    public string AppDir { get; }
    public string RecordedArgs { get; }

    /// <summary>The arguments of the <c>dotnet publish</c> the script ran, one per line (see <see cref="WithPublishStub"/>).</summary>
    public string RecordedPublishArgs { get; }

    /// <summary>Put first on PATH: the stand-in <c>dotnet</c> (and <c>pwsh</c>) of <see cref="WithPublishStub"/>.</summary>
    public string ToolsDir { get; }
    public string JarName => "microsoft-spark-3-5_2.12-2.3.1.jar";

    public FakeSparkInstall WithSpark()
    {
        Script(Path.Combine(SparkHome, "bin", "spark-submit"), $"printf '%s\\n' \"$@\" > '{RecordedArgs}'\necho \"DOTNET_WORKER_DIR seen by spark-submit: $DOTNET_WORKER_DIR\"\n");
        Touch(Path.Combine(SparkHome, "jars", $"spark-core_2.12-{SparkVersion}.jar"));
        return this;
    }

    public FakeSparkInstall WithJava()
    {
        Script(Path.Combine(JavaHome, "bin", "java"), "echo 'openjdk version \"17\"'\n");
        return this;
    }

    public FakeSparkInstall WithWorker()
    {
        Touch(Path.Combine(WorkerDir, "Microsoft.Spark.Worker"));
        return this;
    }

    public FakeSparkInstall WithApp(bool withJar = true)
    {
        Touch(Path.Combine(AppDir, "SparkJob.dll"));
        if (withJar)
        {
            Touch(Path.Combine(AppDir, JarName));
        }
        return this;
    }

    /// <summary>The jar in the NuGet cache, where a real publish of the Microsoft.Spark backend leaves it.</summary>
    public FakeSparkInstall WithJarInNuGetCache()
    {
        Touch(Path.Combine(Root, "nuget", "microsoft.spark", "2.3.1", "jars", JarName));
        return this;
    }

    /// <summary>
    /// A <c>dotnet</c> on PATH that stands in for <c>dotnet publish</c> only (the Microsoft.Spark package cannot be
    /// restored here): it records the publish arguments and leaves a SparkJob.dll in the -o folder; every other
    /// command goes to the real dotnet. Also a <c>pwsh</c> that runs the repository's PowerShell tool, for commands
    /// written for a machine with PowerShell 7 installed.
    /// </summary>
    public FakeSparkInstall WithPublishStub()
    {
        var realDotnet = System.Environment.ProcessPath!;
        Script(Path.Combine(ToolsDir, "dotnet"),
            "if [ \"$1\" = publish ]; then\n" +
            $"  printf '%s\\n' \"$@\" > '{RecordedPublishArgs}'\n" +
            "  out=''; previous=''\n" +
            "  for a in \"$@\"; do [ \"$previous\" = -o ] && out=$a; previous=$a; done\n" +
            "  /bin/mkdir -p \"$out\" && : > \"$out/SparkJob.dll\"\n" +
            "  exit 0\n" +
            "fi\n" +
            $"exec '{realDotnet}' \"$@\"\n");
        Script(Path.Combine(ToolsDir, "pwsh"), $"exec '{realDotnet}' tool run pwsh -- \"$@\"\n");
        return this;
    }

    /// <summary>The environment pointing at every part of this install.</summary>
    public Dictionary<string, string?> Environment() => new()
    {
        ["SPARK_HOME"] = SparkHome,
        ["JAVA_HOME"] = JavaHome,
        ["DOTNET_WORKER_DIR"] = WorkerDir,
    };

    public FakeSparkInstall WithEverything() => WithSpark().WithJava().WithWorker().WithApp();

    private static void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
    }

    private static void Script(string path, string body)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
