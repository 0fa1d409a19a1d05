namespace SparkVideo.ChildProcesses.Tests;

public sealed class JobArgumentsTests
{
    [Fact]
    public void Options_left_null_are_not_passed_so_the_job_keeps_its_defaults()
    {
        Assert.Empty(new JobArguments().ToList());
    }

    [Fact]
    public void One_camera_renders_every_typed_option_in_invariant_culture_then_the_extra_ones()
    {
        var arguments = new JobArguments
        {
            Host = "127.0.0.1",
            Port = 9999,
            OutputDir = "out",
            CheckpointDir = "cp",
            Model = "general",
            Parallelism = 2,
            IntraOpThreads = 1,
            TriggerIntervalMs = 250,
            StatsIntervalSeconds = 5,
            NumRows = 1,
            UiPort = 0,
            Background = "blur",
            Edges = "guided",
            Smoothing = 0.25f,
            CameraPreviewUrl = "http://127.0.0.1:4051/",
            RetainMinutes = 1.5,
            RetainGiB = 0.5,
            Extra = ["--threshold", "soft"],
        };

        Assert.Equal(
            [
                "--host", "127.0.0.1", "--port", "9999", "--output-dir", "out", "--checkpoint-dir", "cp", "--model", "general",
                "--parallelism", "2", "--intra-op-threads", "1", "--trigger-interval-ms", "250", "--stats-interval-seconds", "5",
                "--num-rows", "1", "--ui-port", "0", "--background", "blur", "--edges", "guided", "--smoothing", "0.25",
                "--camera-preview-url", "http://127.0.0.1:4051/", "--retain-minutes", "1.5", "--retain-gib", "0.5",
                "--threshold", "soft",
            ],
            arguments.ToList());
    }

    [Fact]
    public void Many_cameras_are_one_camera_option_each_as_name_host_and_port()
    {
        var arguments = new JobArguments { Cameras = [new("door", "127.0.0.1", 9001), new("yard", "localhost", 9002)] };

        Assert.Equal(["--camera", "door=127.0.0.1:9001", "--camera", "yard=localhost:9002"], arguments.ToList());
    }
}
