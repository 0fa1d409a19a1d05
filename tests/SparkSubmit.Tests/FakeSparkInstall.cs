namespace SparkVideo.SparkSubmit.Tests;

/// <summary>
/// A throw-away directory laid out like the prerequisites spark-submit.ps1 looks for: a Spark install whose
/// bin/spark-submit records its arguments, a JDK, a Microsoft.Spark worker and a published job with its jar.
/// Each part can be left out to check the script's message for it.
/// </summary>
public sealed class FakeSparkInstall : IDisposable
{
    /// <param name="sparkVersion">Spark's version, as its jars name it.</param>
    /// <param name="microsoftSparkVersion">The release of the worker and the jar laid out (2.4.0 for Spark 4).</param>
    /// <param name="scala">Spark's Scala build: 2.12 for Spark 3, 2.13 for Spark 4 unless given.</param>
    public FakeSparkInstall(string sparkVersion = "3.5.1", string? microsoftSparkVersion = null, string? scala = null)
    {
        SparkVersion = sparkVersion;
        var major = int.Parse(sparkVersion.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        MicrosoftSparkVersion = microsoftSparkVersion ?? (major >= 4 ? "2.4.0" : "2.3.1");
        Scala = scala ?? (major >= 4 ? "2.13" : "2.12");
        Root = Directory.CreateTempSubdirectory("sparkvideo-submit-").FullName;
        SparkHome = Path.Combine(Root, $"spark-{sparkVersion}-bin-hadoop3");
        JavaHome = Path.Combine(Root, "jdk");
        WorkerDir = Path.Combine(Root, $"Microsoft.Spark.Worker-{MicrosoftSparkVersion}");
        AppDir = Path.Combine(Root, "app");
        RecordedArgs = Path.Combine(Root, "spark-submit-args.txt");
        RecordedPublishArgs = Path.Combine(Root, "dotnet-publish-args.txt");
        ToolsDir = Path.Combine(Root, "bin");
    }

    public string SparkVersion { get; }
    public string MicrosoftSparkVersion { get; }
    public string Scala { get; }

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
    /// <summary>The bridge jar of <see cref="MicrosoftSparkVersion"/> for this Spark line: microsoft-spark-3-5_2.12-2.3.1.jar.</summary>
    public string JarName => $"microsoft-spark-{string.Join('-', SparkVersion.Split('.')[..2])}_{Scala}-{MicrosoftSparkVersion}.jar";

    public FakeSparkInstall WithSpark()
    {
        Script(Path.Combine(SparkHome, "bin", "spark-submit"), $"printf '%s\\n' \"$@\" > '{RecordedArgs}'\necho \"DOTNET_WORKER_DIR seen by spark-submit: $DOTNET_WORKER_DIR\"\n");
        Touch(Path.Combine(SparkHome, "jars", $"spark-core_{Scala}-{SparkVersion}.jar"));
        return this;
    }

    /// <summary>A java that prints its version as a JDK does, on stderr: <c>openjdk version "17.0.9" ...</c> (8: "1.8.0_392").</summary>
    public FakeSparkInstall WithJava(string version = "17.0.9")
    {
        Script(Path.Combine(JavaHome, "bin", "java"), $"echo 'openjdk version \"{version}\" 2023-10-17' >&2\n");
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
        Touch(Path.Combine(Root, "nuget", "microsoft.spark", MicrosoftSparkVersion, "jars", JarName));
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
