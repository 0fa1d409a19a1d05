using SparkVideo.ChildProcesses;
using SparkVideo.CommandLine;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Job.Tests;

/// <summary>
/// The job's command line: parsed in process, as <see cref="ProgramCommandLine.Run"/> parses it (the same root
/// command, the same one-line message), and run as the real program for the exit codes and what Spark does not start.
/// </summary>
public sealed class JobCommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static ChildProcess Run(string workingDirectory, params string[] arguments) =>
        SparkVideoProgram.Job.Start(arguments, workingDirectory);

    [Fact]
    public void Help_lists_every_option()
    {
        using var job = Run(Path.GetTempPath(), "--help");

        Assert.Equal(0, job.WaitForExit(Timeout));
        var help = string.Join('\n', job.StdoutLines);
        foreach (var option in new[] { "--background", "--edges", "--host", "--port", "--output-dir", "--checkpoint-dir", "--model", "--trigger-interval-ms", "--parallelism", "--num-rows", "--max-line-bytes", "--ui-port", "--ui-host", "--camera-preview-url", "--camera" })
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
    [InlineData("--smoothing", "1", "--smoothing must be at least 0 (off) and less than 1")]
    [InlineData("--smoothing", "-0.5", "--smoothing must be at least 0 (off) and less than 1")]
    [InlineData("--smoothing", "half", "Cannot parse argument 'half' for option '--smoothing'")]
    [InlineData("--mask-reuse", "101", "--mask-reuse must be between 0 and 100")]
    [InlineData("--mask-reuse-threshold", "0", "--mask-reuse-threshold must be more than 0 and at most 255")]
    [InlineData("--ui-port", "-1", "--ui-port must be between 0 (off) and 65535")]
    [InlineData("--ui-host", "example.com", "--ui-host must be an IP address or 'localhost'")]
    [InlineData("--camera-preview-url", "file:///etc/passwd", "--camera-preview-url must be an absolute http:// or https:// URL")]
    [InlineData("--background", "sepia", "--background 'sepia' is not one of gray, color:R,G,B, blur[:RADIUS], image:PATH or transparent")]
    [InlineData("--background", "color:0,128,256", "--background color:R,G,B needs three whole numbers from 0 to 255")]
    [InlineData("--background", "blur:0", "--background blur:RADIUS needs a radius from 1 to 100 pixels")]
    [InlineData("--background", "image:no-such-picture.png", "--background image 'no-such-picture.png' cannot be read")]
    [InlineData("--edges", "sharp", "sharp")]
    [InlineData("--retain-minutes", "0", "--retain-minutes must be between 0.01 and 5256000")]
    [InlineData("--retain-gib", "0", "--retain-gib must be more than 0")]
    [InlineData("--retain-gib", "-1", "--retain-gib must be more than 0")]
    [InlineData("--ui-token-file", "/nonexistent/token", "--ui-token-file '/nonexistent/token' does not exist")]
    public void Rejects_bad_option_values_before_starting_Spark(string option, string value, string message)
    {
        var error = ParseError(option, value);

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
    public void Refuses_bad_cameras_with_one_line(string message, params string[] arguments)
    {
        Assert.StartsWith("error: " + message, ParseError(arguments));
    }

    [Fact]
    public void The_real_program_refuses_a_bad_value_with_exit_code_2_and_that_one_line_before_Spark_starts()
    {
        string[] arguments = ["--camera", "north=localhost:9001", "--port", "9002"];

        Assert.Equal(ParseError(arguments), UsageError(arguments));
    }

    [Fact]
    public void Without_checkpoint_dir_each_number_of_cameras_keeps_its_own_checkpoint()
    {
        Assert.Equal("checkpoint", Parsed().CheckpointDir);
        Assert.Equal(Path.Combine("checkpoint", "2-cameras"), Parsed("--camera", "a=localhost:1", "--camera", "b=localhost:2").CheckpointDir);
        Assert.Equal("mine", Parsed("--checkpoint-dir", "mine", "--camera", "a=localhost:1").CheckpointDir);
    }

    [Fact]
    public void The_typed_arguments_the_other_programs_start_the_job_with_parse_to_the_options_they_name()
    {
        var options = Parsed([.. new JobArguments
        {
            Host = "127.0.0.1",
            Port = 9001,
            OutputDir = "out",
            CheckpointDir = "cp",
            Model = "landscape",
            Parallelism = 3,
            IntraOpThreads = 2,
            TriggerIntervalMs = 250,
            StatsIntervalSeconds = 7,
            NumRows = 4,
            UiPort = 0,
            Background = "blur",
            Edges = "guided",
            Smoothing = 0.25f,
            CameraPreviewUrl = "http://127.0.0.1:4051/",
            RetainMinutes = 1.5,
            RetainGiB = 0.5,
            Extra = ["--mask-reuse", "10"],
        }.ToList()]);

        Assert.Equal(("127.0.0.1", 9001, "out", "cp"), (options.Host, options.Port, options.OutputDir, options.CheckpointDir));
        Assert.Equal(SegmentationModelKind.Landscape, options.Model);
        Assert.Equal((3, 2, 250L, 7, 4, 0), (options.Parallelism, options.IntraOpThreads, options.TriggerIntervalMs, options.StatsIntervalSeconds, options.NumRows, options.UiPort));
        Assert.Equal((BackgroundMode.Blur, EdgeRefinement.Guided, 0.25f, 10), (options.Background.Mode, options.Edges, options.Smoothing, options.MaskReuse));
        Assert.Equal("http://127.0.0.1:4051/", options.CameraPreviewUrl);
        Assert.Equal((1.5, 0.5), (options.RetainMinutes, options.RetainGiB));
    }

    [Fact]
    public void Typed_cameras_parse_to_the_job_s_cameras_in_order()
    {
        var options = Parsed([.. new JobArguments { Cameras = [new("door", "127.0.0.1", 9001), new("yard", "localhost", 9002)] }.ToList()]);

        Assert.Equal([("door", "127.0.0.1", 9001), ("yard", "localhost", 9002)], options.Cameras.Select(c => (c.Name, c.Host, c.Port)));
    }

    /// <summary>The one line the job prints for <paramref name="arguments"/>, which must not parse; the job is never run.</summary>
    private static string ParseError(params string[] arguments)
    {
        var ran = false;
        var parsed = JobCommandLine.Build(_ => { ran = true; return 0; }).Parse(arguments);

        var line = ProgramCommandLine.UsageErrorLine(parsed);
        Assert.False(ran);
        Assert.NotNull(line);
        return line;
    }

    /// <summary>The options the job would run with.</summary>
    private static JobOptions Parsed(params string[] arguments)
    {
        JobOptions? options = null;
        var parsed = JobCommandLine.Build(o => { options = o; return 0; }).Parse(arguments);
        Assert.Null(ProgramCommandLine.UsageErrorLine(parsed));
        Assert.Equal(0, parsed.Invoke());
        return options!;
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

    [Fact]
    public void A_query_that_cannot_start_is_one_line_and_exit_1_without_a_stop_summary()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("sparkvideo-cli-").FullName;
        try
        {
            var metadata = Path.Combine(Directory.CreateDirectory(Path.Combine(workingDirectory, "checkpoint")).FullName, "metadata");
            File.WriteAllText(metadata, "{}\n");
            using var job = Run(workingDirectory, "--port", "9");

            Assert.Equal(1, job.WaitForExit(Timeout));
            Assert.Equal($"error: cannot start the query: The checkpoint metadata file {metadata} has no id.", Assert.Single(job.StderrLines));
            Assert.Contains("Initializing Spark session...", job.StdoutLines);
            Assert.DoesNotContain("Stopped.", job.StdoutLines);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
