using SparkVideo.Processing;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.Processing.Tests;

public sealed class CameraMaskStatesTests
{
    private static readonly ProcessingSettings Smoothing = new() { OutputDir = "out", OutputDirFullPath = "/out", Smoothing = 0.25f };

    [Fact]
    public void Each_camera_has_a_state_of_its_own_and_keeps_it()
    {
        var door = CameraMaskStates.For(Smoothing, "door");
        var yard = CameraMaskStates.For(Smoothing, "yard");

        Assert.NotNull(door);
        Assert.NotSame(door, yard);
        Assert.Same(door, CameraMaskStates.For(Smoothing, "door"));
        Assert.NotSame(door, CameraMaskStates.For(Smoothing, null));
    }

    [Fact]
    public void Another_jobs_settings_never_get_the_same_state()
    {
        var other = Smoothing with { OutputDirFullPath = "/elsewhere" };

        Assert.NotSame(CameraMaskStates.For(Smoothing, "door"), CameraMaskStates.For(other, "door"));
    }

    [Fact]
    public void With_smoothing_and_mask_reuse_off_and_no_people_carried_between_detections_there_is_no_state()
    {
        Assert.Null(CameraMaskStates.For(Smoothing with { Smoothing = 0, Segmentation = SegmentationMode.Frame }, "door"));
        Assert.Null(CameraMaskStates.For(Smoothing with { Smoothing = 0, DetectEvery = 1 }, "door"));
    }

    [Fact]
    public void By_default_each_camera_carries_its_people_between_detections()
    {
        var state = CameraMaskStates.For(Smoothing with { Smoothing = 0 }, "door");

        Assert.NotNull(state);
        Assert.Equal(TemporalMaskOptions.DefaultDetectEvery, state.Options.DetectEvery);
    }

    [Fact]
    public void The_summary_counts_inferences_once_shown()
    {
        var stats = new PipelineStats();
        stats.ShowInferences();
        stats.RecordMask(Vision.Temporal.MaskOrigin.Segmented);
        stats.RecordMask(Vision.Temporal.MaskOrigin.Reused);
        stats.RecordProcessed(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0);

        Assert.EndsWith("| inferences 1", stats.TakeSummary());
    }
}
