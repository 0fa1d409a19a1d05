using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Style.Tests;

/// <summary>
/// The .editorconfig naming rules are enforced by the build, not only shown in an editor: a project in the
/// repository with a misnamed field fails to build with IDE1006 and nothing else. (A rule's own severity is
/// not enough for the compiler; this test is what showed it.)
/// </summary>
public sealed partial class NamingRuleBuildTests : IDisposable
{
    private readonly string _probe = Path.Combine(RepoPaths.Root, "artifacts", "style-probe-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void A_field_that_breaks_the_naming_rules_fails_the_build_with_IDE1006()
    {
        Directory.CreateDirectory(_probe);
        File.WriteAllText(Path.Combine(_probe, "Probe.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
            </Project>
            """);
        File.WriteAllText(Path.Combine(_probe, "Probe.cs"), """
            namespace Probe;

            public sealed class Counter
            {
                private static int instances_made;
                private readonly int step = 1;

                public int Next() => instances_made += step;
            }

            """);

        using var build = ChildProcess.StartCommandLine("dotnet build Probe.csproj", new ChildProcessOptions { WorkingDirectory = _probe });
        var exitCode = build.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.NotEqual(0, exitCode);
        var errors = build.StdoutLines.Select(line => ErrorCode().Match(line)).Where(m => m.Success)
            .Select(m => $"{m.Groups["code"].Value} {m.Groups["where"].Value}").Distinct().Order().ToList();
        Assert.Equal(["IDE1006 (5,24)", "IDE1006 (6,26)"], errors);
    }

    public void Dispose()
    {
        if (Directory.Exists(_probe))
        {
            Directory.Delete(_probe, recursive: true);
        }
        // The probe's parent exists for it alone: a run leaves nothing in the repository.
        var parent = Path.GetDirectoryName(_probe)!;
        if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            try
            {
                Directory.Delete(parent);
            }
            catch (IOException)
            {
                // SparkSubmit.Tests publishes into artifacts/ too, and removes the folder itself when it is done.
            }
        }
    }

    [GeneratedRegex(@"Probe\.cs(?<where>\(\d+,\d+\)): error (?<code>[A-Z]+\d+)")]
    private static partial Regex ErrorCode();
}
