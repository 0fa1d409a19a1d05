using SparkVideo.ChildProcesses;
using SparkVideo.CommandLine;

namespace SparkVideo.CameraServer.Tests;

/// <summary>Invalid options and sources: one clear line on stderr and a non-zero exit code, before any streaming.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("--fps -1", "--fps must be between 0")]
    [InlineData("--width 8", "--width and --height must be between 16 and 4096")]
    [InlineData("--height 5000", "--width and --height must be between 16 and 4096")]
    [InlineData("--jpeg-quality 0", "--jpeg-quality must be between 1 and 100")]
    [InlineData("--jpeg-quality 101", "--jpeg-quality must be between 1 and 100")]
    [InlineData("--max-frames 0", "--max-frames must be at least 1")]
    [InlineData("--replay-cache-mib -1", "--replay-cache-mib must be between 0 and 4096")]
    [InlineData("--max-consumers -1", "--max-consumers must be at least 1")]
    [InlineData("--allow 10.1.2.3/8", "--allow must be an address or CIDR range such as 10.0.0.0/8 or 192.168.1.7, got '10.1.2.3/8'")]
    [InlineData("--allow example.com", "--allow must be an address or CIDR range")]
    [InlineData("--allow 10.0.0.0/33", "--allow must be an address or CIDR range")]
    [InlineData("--port 70000", "--port must be between 0 and 65535")]
    [InlineData("--host example", "--host must be an IP address")]
    [InlineData("--fps fast", "Cannot parse argument 'fast'")]
    [InlineData("--no-such-option", "Unrecognized command or argument '--no-such-option'")]
    public void Invalid_option_values_are_usage_errors(string arguments, string message)
    {
        Assert.Contains(message, UsageProblem([.. arguments.Split(' '), "--source", "synthetic"]) ?? "(accepted)", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fps -1", "--fps must be between 0")]
    [InlineData("--no-such-option", "Unrecognized command or argument '--no-such-option'")]
    public void The_program_exits_2_with_one_line_for_a_usage_error(string arguments, string message)
    {
        using var process = ChildProcess.StartProgram("CameraServer", [.. arguments.Split(' '), "--source", "synthetic", "--port", "0"]);

        Assert.Equal(2, process.WaitForExit(Timeout));
        AssertOneLineError(process, message);
    }

    [Fact]
    public void A_good_command_line_is_no_usage_error()
    {
        Assert.Null(UsageProblem(["--source", "synthetic", "--fps", "0", "--allow", "10.0.0.0/8", "--port", "0"]));
    }

    [Theory]
    [InlineData("samples/no_such_video.mp4", "video file not found: ")]
    [InlineData("samples/README.md", "not a readable video file: ")]
    [InlineData("7", "camera 7 could not be opened")]
    public void Sources_that_do_not_open_are_runtime_errors(string source, string message)
    {
        var argument = int.TryParse(source, out _) ? source : RepoPaths.InRepo(source);
        using var process = ChildProcess.StartProgram("CameraServer", "--source", argument, "--port", "0");

        Assert.Equal(1, process.WaitForExit(Timeout));
        AssertOneLineError(process, message);
        Assert.DoesNotContain(process.StdoutLines, line => line.StartsWith("Listening on", StringComparison.Ordinal));
    }

    [Fact]
    public void A_port_in_use_is_a_runtime_error()
    {
        using var occupied = FreePort.Occupy();
        var port = FreePort.PortOf(occupied).ToString();
        using var process = ChildProcess.StartProgram("CameraServer", "--source", "synthetic", "--port", port);

        Assert.Equal(1, process.WaitForExit(Timeout));
        AssertOneLineError(process, $"port {port} is already in use on 127.0.0.1");
    }

    [Fact]
    public void Help_documents_every_option_with_its_default()
    {
        using var process = ChildProcess.StartProgram("CameraServer", "--help");

        Assert.Equal(0, process.WaitForExit(Timeout));
        var help = string.Join('\n', process.StdoutLines);
        foreach (var option in new[] { "--source", "--loop", "--width", "--height", "--jpeg-quality", "--fps", "--max-frames", "--replay-cache-mib", "--host", "--port", "--max-consumers", "--send-timeout" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }
        foreach (var defaultValue in new[] { "[default: synthetic]", "[default: 640]", "[default: 480]", "[default: 80]", "[default: 10]", "[default: 127.0.0.1]", "[default: 9999]", "[default: 1]" })
        {
            Assert.Contains(defaultValue, help, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// What the program would report for <paramref name="arguments"/>, parsed in process: the parser's usage line,
    /// or the options' own validation problem (Program.cs reports either as a usage error, exit code 2); null when
    /// the program would start.
    /// </summary>
    private static string? UsageProblem(string[] arguments)
    {
        CameraServerOptions? options = null;
        var parsed = new CameraServerCommand(o =>
        {
            options = o;
            return 0;
        }).Root.Parse(arguments);
        if (ProgramCommandLine.UsageErrorLine(parsed) is { } line)
        {
            return line;
        }
        Assert.Equal(0, parsed.Invoke());
        return options!.Validate();
    }

    private static void AssertOneLineError(ChildProcess process, string message)
    {
        var stderr = process.StderrLines;
        Assert.True(stderr.Count == 1, "expected one line on stderr\n" + process.DescribeOutput());
        Assert.StartsWith("error: ", stderr[0], StringComparison.Ordinal);
        Assert.Contains(message, stderr[0], StringComparison.Ordinal);
    }
}
