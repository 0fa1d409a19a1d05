namespace SparkVideo.SparkSubmit.Tests;

/// <summary>spark-submit.ps1 documents itself.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly FakeSparkInstall _install = new();

    [Theory]
    [InlineData("-Help")]
    [InlineData("--help")]
    [InlineData("-?")]
    public void Help_describes_the_script(string option)
    {
        var result = SparkSubmitScript.Run(_install, _install.Environment(), option);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Submits the SparkVideo streaming job", result.StdOut);
        Assert.Contains("-DryRun", result.StdOut);
    }

    public void Dispose() => _install.Dispose();
}
