namespace SparkVideo.SparkSubmit.Tests;

/// <summary>spark-submit.ps1 documents itself.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly FakeSparkInstall install = new();

    [Fact]
    public void HelpDescribesTheScript()
    {
        var result = SparkSubmitScript.Run(install, install.Environment(), "-Help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Submits the SparkVideo streaming job", result.StdOut);
        Assert.Contains("-DryRun", result.StdOut);
    }

    public void Dispose() => install.Dispose();
}
