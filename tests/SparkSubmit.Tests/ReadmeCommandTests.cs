using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;

namespace SparkVideo.SparkSubmit.Tests;

/// <summary>
/// Every spark-submit.ps1 command the README shows, run exactly as written in the shell it is written for, against
/// a stand-in Spark layout: the job arguments after <c>--</c> must reach spark-submit unchanged.
/// </summary>
[Collection(PublishedJob.Name)]
public sealed partial class ReadmeCommandTests : IDisposable
{
    private readonly FakeSparkInstall _install = new FakeSparkInstall().WithSpark().WithJava().WithWorker().WithJarInNuGetCache().WithPublishStub();

    public static TheoryData<SparkSubmitScript.Shell, string> Commands()
    {
        var data = new TheoryData<SparkSubmitScript.Shell, string>();
        foreach (var (shell, command) in ReadmeCodeBlocks())
        {
            data.Add(shell, command);
        }
        return data;
    }

    [Fact]
    public void The_README_shows_spark_submit_commands_for_both_shells()
    {
        var shells = ReadmeCodeBlocks().Select(c => c.Shell).ToHashSet();

        Assert.Equal([SparkSubmitScript.Shell.PowerShell, SparkSubmitScript.Shell.Bash], shells.Order());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_command_passes_its_job_arguments_through(SparkSubmitScript.Shell shell, string command)
    {
        var jobArgs = command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var result = SparkSubmitScript.RunCommandLine(_install, _install.Environment(), shell, command);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StdOut}\n{result.StdErr}");
        if (command.Contains(" -DryRun ", StringComparison.Ordinal))
        {
            Assert.Contains($"SparkJob.dll {string.Join(' ', jobArgs)}", result.StdOut);
        }
        else
        {
            Assert.Equal(jobArgs, File.ReadAllLines(_install.RecordedArgs)[^jobArgs.Length..]);
        }
    }

    /// <summary>The spark-submit.ps1 lines of the README's (and docs/*.md's) powershell and bash code blocks, without their comments.</summary>
    private static IEnumerable<(SparkSubmitScript.Shell Shell, string Command)> ReadmeCodeBlocks()
    {
        // The README and the pages under docs/ it links to (docs/spark.md holds these commands).
        var documents = Directory.GetFiles(RepoPaths.InRepo("docs"), "*.md").Order(StringComparer.Ordinal).Prepend(RepoPaths.InRepo("README.md"));
        foreach (Match block in documents.SelectMany(path => CodeBlock().Matches(File.ReadAllText(path))))
        {
            var shell = block.Groups["lang"].Value == "powershell" ? SparkSubmitScript.Shell.PowerShell : SparkSubmitScript.Shell.Bash;
            foreach (var line in block.Groups["body"].Value.Split('\n'))
            {
                var command = TrailingComment().Replace(line, "").Trim();
                if (command.Contains("spark-submit.ps1", StringComparison.Ordinal))
                {
                    yield return (shell, command);
                }
            }
        }
    }

    [GeneratedRegex(@"```(?<lang>powershell|bash)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex TrailingComment();

    public void Dispose() => _install.Dispose();
}
