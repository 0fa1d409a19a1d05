using SparkVideo.ChildProcesses;

namespace SparkVideo.CommandLine.Tests;

/// <summary>Every program follows one command-line convention, checked on the real programs as child processes.</summary>
public sealed class ProgramConventionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The assembly name of every program: the camera server, the job, the demo, the tools and the bench.</summary>
    public static TheoryData<string> Programs =>
        ["CameraServer", "SparkJob", "SparkVideoDemo", "RemoveBackground", "FramesToVideo", "Soak", "TfliteToOnnx", "SparkVideo.PipelineBench"];

    [Theory]
    [MemberData(nameof(Programs))]
    public void A_bad_option_is_one_usage_error_line_with_exit_2_and_help_exits_0(string program)
    {
        using (var badOption = ChildProcess.StartProgram(program, "--no-such-option"))
        {
            Assert.Equal(ExitCodes.UsageError, badOption.WaitForExit(Timeout));
            var error = Assert.Single(badOption.StderrLines);
            Assert.StartsWith("error: ", error, StringComparison.Ordinal);
            Assert.EndsWith(" (see --help)", error, StringComparison.Ordinal);
            Assert.Empty(badOption.StdoutLines);
        }

        using var help = ChildProcess.StartProgram(program, "--help");
        Assert.Equal(ExitCodes.Success, help.WaitForExit(Timeout));
        Assert.Empty(help.StderrLines);
        Assert.Contains(help.StdoutLines, line => line.StartsWith("Usage:", StringComparison.Ordinal));
        Assert.Contains(help.StdoutLines, line => line.TrimStart().StartsWith("-?, -h, --help", StringComparison.Ordinal));
    }

    /// <summary>--background is checked where it is given: the demo refuses it before it starts a camera server or the job.</summary>
    [Theory]
    [InlineData("SparkVideoDemo", "--background", "blur:500")]
    [InlineData("RemoveBackground", "--input", "in.jpg", "--output", "out.jpg", "--background", "blur:500")]
    public void A_bad_background_is_one_usage_error_line_with_exit_2(string program, params string[] arguments)
    {
        using var run = ChildProcess.StartProgram(program, arguments);

        Assert.Equal(ExitCodes.UsageError, run.WaitForExit(Timeout));
        Assert.Equal("error: --background blur:RADIUS needs a radius from 1 to 100 pixels, got 'blur:500' (see --help)", Assert.Single(run.StderrLines));
        Assert.DoesNotContain(run.StdoutLines, line => line.StartsWith("[demo]", StringComparison.Ordinal));
    }

    [Fact]
    public void Remove_background_writes_a_transparent_photo_only_as_png()
    {
        using var run = ChildProcess.StartProgram("RemoveBackground", "--input", "in.jpg", "--output", "out.jpg", "--background", "transparent");

        Assert.Equal(ExitCodes.UsageError, run.WaitForExit(Timeout));
        Assert.Equal("error: --background transparent writes a PNG: give an --output ending in .png (see --help)", Assert.Single(run.StderrLines));
    }
}
