using SparkVideo.ChildProcesses;

namespace SparkVideo.Job.Tests;

/// <summary>The job's command line, run as the real program.</summary>
public sealed class JobCommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static ChildProcess Run(string workingDirectory, params string[] arguments) =>
        ChildProcess.StartDotnet(RepoPaths.InOutputFolder("SparkJob.dll"), arguments, workingDirectory);

    [Fact]
    public void Help_lists_every_option()
    {
        using var job = Run(Path.GetTempPath(), "--help");

        Assert.Equal(0, job.WaitForExit(Timeout));
        var help = string.Join('\n', job.StdoutLines);
        foreach (var option in new[] { "--host", "--port", "--output-dir", "--checkpoint-dir", "--model", "--trigger-interval-ms", "--parallelism", "--num-rows", "--max-line-bytes", "--ui-port", "--ui-host", "--camera-preview-url", "--camera" })
        {
            Assert.Contains(option, help);
        }
    }

    [Theory]
    [InlineData("--port", "0", "--port must be between 1 and 65535")]
    [InlineData("--parallelism", "0", "--parallelism must be between 1 and 1024")]
    [InlineData("--jpeg-quality", "101", "--jpeg-quality must be between 1 and 100")]
    [InlineData("--threshold", "1.5", "--threshold must be between 0 and 1")]
    [InlineData("--model", "portrait", "portrait")]
    [InlineData("--ui-port", "-1", "--ui-port must be between 0 (off) and 65535")]
    [InlineData("--ui-host", "example.com", "--ui-host must be an IP address or 'localhost'")]
    [InlineData("--camera-preview-url", "file:///etc/passwd", "--camera-preview-url must be an absolute http:// or https:// URL")]
    [InlineData("--retain-minutes", "0", "--retain-minutes must be between 0.01 and 5256000")]
    [InlineData("--retain-gib", "0", "--retain-gib must be more than 0")]
    [InlineData("--retain-gib", "-1", "--retain-gib must be more than 0")]
    [InlineData("--ui-token-file", "/nonexistent/token", "--ui-token-file '/nonexistent/token' does not exist")]
    public void Rejects_bad_option_values_before_starting_Spark(string option, string value, string message)
    {
        var error = UsageError(option, value);

        Assert.StartsWith("error: ", error);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("--camera 'b@d=127.0.0.1:9999': the name must be 1-32 characters of A-Z, a-z, 0-9, '_' and '-'", "--camera", "b@d=127.0.0.1:9999")]
    [InlineData("--camera '../up=127.0.0.1:9999': the name must be", "--camera", "../up=127.0.0.1:9999")]
    [InlineData("--camera 'abcdefghijabcdefghijabcdefghijabc=localhost:1': the name must be", "--camera", "abcdefghijabcdefghijabcdefghijabc=localhost:1")]
    [InlineData("--camera 'north' is not NAME=HOST:PORT", "--camera", "north")]
    [InlineData("--camera 'north=127.0.0.1': '127.0.0.1' is not HOST:PORT", "--camera", "north=127.0.0.1")]
    [InlineData("--camera 'north=bad host:9999': 'bad host:9999' is not HOST:PORT", "--camera", "north=bad host:9999")]
    [InlineData("--camera 'north=localhost:70000': the port must be between 1 and 65535", "--camera", "north=localhost:70000")]
    [InlineData("--camera: the name 'North' is given twice", "--camera", "north=localhost:9001", "--camera", "North=localhost:9002")]
    [InlineData("--camera replaces --host and --port", "--camera", "north=localhost:9001", "--port", "9002")]
    public void Refuses_bad_cameras_with_one_line_and_exit_code_2(string message, params string[] arguments)
    {
        Assert.StartsWith("error: " + message, UsageError(arguments));
    }

    [Fact]
    public void Refuses_a_token_file_with_a_token_too_short_to_be_secret()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "short\n");
            Assert.Equal($"error: --ui-token-file '{file}' must hold a token of 16-256 characters, got 5 (see --help)", UsageError("--ui-token-file", file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs the job with bad arguments: it must refuse them as a usage error (exit 2, one stderr line) before Spark starts.</summary>
    private static string UsageError(params string[] arguments)
    {
        using var job = Run(Path.GetTempPath(), arguments);

        Assert.Equal(2, job.WaitForExit(Timeout));
        Assert.DoesNotContain("Initializing Spark session...", job.StdoutLines);
        return Assert.Single(job.StderrLines);
    }

    [Fact]
    public void Refuses_to_start_when_the_output_directory_cannot_be_written()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("sparkvideo-cli-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(workingDirectory, "output_frames"), "a file where the directory should be");
            using var job = Run(workingDirectory, "--port", "9");

            Assert.Equal(1, job.WaitForExit(Timeout));
            var error = Assert.Single(job.StderrLines);
            Assert.StartsWith($"error: cannot write to the output directory '{Path.Combine(workingDirectory, "output_frames")}'", error);
            Assert.DoesNotContain("Initializing Spark session...", job.StdoutLines);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
