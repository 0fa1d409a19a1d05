namespace SparkVideo.ChildProcesses.Tests;

public sealed class JobArgumentsTests
{
    [Fact]
    public void Options_left_null_are_not_passed_so_the_job_keeps_its_defaults()
    {
        Assert.Empty(new JobArguments().ToList());
    }

    // That the job parses every option to what it names is checked in process, in SparkJob.Tests' JobCommandLineTests.
    [Fact]
    public void Options_render_in_one_fixed_order_whatever_order_they_are_set_in_with_the_extra_ones_last()
    {
        var arguments = new JobArguments { Extra = ["--threshold", "soft"], RetainGiB = 0.5, Smoothing = 0.25f, UiPort = 0, Port = 9999, Host = "::1" };

        Assert.Equal(
            ["--host", "::1", "--port", "9999", "--ui-port", "0", "--smoothing", "0.25", "--retain-gib", "0.5", "--threshold", "soft"],
            arguments.ToList());
    }

    [Fact]
    public void Many_cameras_are_one_camera_option_each_as_name_host_and_port()
    {
        var arguments = new JobArguments { Cameras = [new("door", "127.0.0.1", 9001), new("yard", "localhost", 9002)] };

        Assert.Equal(["--camera", "door=127.0.0.1:9001", "--camera", "yard=localhost:9002"], arguments.ToList());
    }
}
