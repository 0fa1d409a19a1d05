using System.CommandLine;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.Job.Tests;

/// <summary>--smoothing, --mask-reuse and --mask-reuse-threshold, parsed in this process as the job parses them.</summary>
public sealed class TemporalMaskOptionsTests
{
    [Fact]
    public void Good_values_reach_the_settings_the_udfs_carry()
    {
        var options = Bind("--smoothing", "0.25", "--mask-reuse", "10", "--mask-reuse-threshold", "6.5");

        var settings = options.ToProcessingSettings();
        Assert.Equal((0.25f, 10, 6.5f), (settings.Smoothing, settings.MaskReuseFrames, settings.MaskReuseThreshold));
        Assert.True(settings.UsesCameraState);
    }

    [Fact]
    public void By_default_both_are_off_and_each_camera_keeps_its_partition_for_the_people_carried_between_detections()
    {
        var settings = Bind().ToProcessingSettings();

        Assert.Equal((0f, 0), (settings.Smoothing, settings.MaskReuseFrames));
        Assert.Equal((SegmentationMode.People, TemporalMaskOptions.DefaultDetectEvery), (settings.Segmentation, settings.DetectEvery));
        Assert.True(settings.UsesCameraState);
    }

    [Theory]
    [InlineData("--segmentation", "frame")]
    [InlineData("--detect-every", "1")]
    public void With_one_pass_or_a_detection_every_frame_frames_are_spread_round_robin(string option, string value)
    {
        var settings = Bind(option, value).ToProcessingSettings();

        Assert.False(settings.UsesCameraState);
    }

    [Theory]
    [InlineData("--smoothing", "1")]
    [InlineData("--smoothing", "-0.01")]
    [InlineData("--smoothing", "NaN")]
    [InlineData("--smoothing", "half")]
    [InlineData("--mask-reuse", "-1")]
    [InlineData("--mask-reuse", "1000")]
    [InlineData("--mask-reuse", "2.5")]
    [InlineData("--mask-reuse-threshold", "0")]
    [InlineData("--mask-reuse-threshold", "256")]
    [InlineData("--detect-every", "0")]
    [InlineData("--detect-every", "101")]
    [InlineData("--segmentation", "tiles")]
    public void Bad_values_are_one_parse_error_naming_the_option(string option, string value)
    {
        var errors = JobCommandLine.Build(_ => 0).Parse([option, value]).Errors;

        var error = Assert.Single(errors);
        Assert.Contains(option, error.Message);
    }

    private static JobOptions Bind(params string[] arguments)
    {
        JobOptions? bound = null;
        var parse = JobCommandLine.Build(options =>
        {
            bound = options;
            return 0;
        }).Parse(arguments);
        Assert.Empty(parse.Errors);
        Assert.Equal(0, parse.Invoke());
        return bound!;
    }
}
