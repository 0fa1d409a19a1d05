using System.Globalization;
using OpenCvSharp;
using SparkVideo.Testing;
using SparkVideo.Vision.Segmentation;
using SparkVideo.Vision.Temporal;
using Xunit.Abstractions;

namespace SparkVideo.Vision.Tests;

public sealed class CameraMaskStateTests(SegmenterFixture fixture, ITestOutputHelper output) : IClassFixture<SegmenterFixture>, IDisposable
{
    private const double Start = 1_767_668_128.0;
    private readonly List<Mat> _astronaut = NoisyClip.Of("astronaut.jpg", 8, seed: 1);
    private readonly List<Mat> _soccer = NoisyClip.Of("soccer_player.jpg", 8, seed: 2);

    [Fact]
    public void A_frame_older_than_the_last_one_restarts_the_state_and_gets_its_own_mask()
    {
        using var state = new CameraMaskState(new TemporalMaskOptions { Smoothing = 0.5f });
        Masks(state, _astronaut[..3], Start, Start + 0.1, Start + 0.2).ForEach(m => m.Dispose());

        using var late = Mask(state, _astronaut[3], Start + 0.15);
        using var own = OwnMask(_astronaut[3]);
        Assert.Equal(0, MaxDifference(late, own));
        Assert.Equal(1, state.Restarts);

        // The state goes on from the late frame: the next frame is blended with it again.
        using var next = Mask(state, _astronaut[4], Start + 0.25);
        using var nextOwn = OwnMask(_astronaut[4]);
        Assert.True(MaxDifference(next, nextOwn) > 0, "the frame after the restart should be smoothed");
    }

    [Fact]
    public void A_gap_longer_than_the_limit_restarts_the_state_and_a_shorter_one_does_not()
    {
        using var state = new CameraMaskState(new TemporalMaskOptions { Smoothing = 0.5f });
        Mask(state, _astronaut[0], Start).Dispose();
        using var within = Mask(state, _astronaut[1], Start + TemporalMaskOptions.MaxGapSeconds);
        using var withinOwn = OwnMask(_astronaut[1]);
        Assert.True(MaxDifference(within, withinOwn) > 0, "a frame within the gap limit should be smoothed");

        using var afterGap = Mask(state, _astronaut[2], Start + (2 * TemporalMaskOptions.MaxGapSeconds) + 0.01);
        using var afterGapOwn = OwnMask(_astronaut[2]);
        Assert.Equal(0, MaxDifference(afterGap, afterGapOwn));
        Assert.Equal(1, state.Restarts);
    }

    [Fact]
    public void Mask_reuse_stops_after_n_frames_in_a_row()
    {
        using var state = new CameraMaskState(new TemporalMaskOptions { MaskReuseFrames = 3 });
        var origins = Origins(state, _astronaut[..6], Start);
        Assert.Equal([MaskOrigin.Segmented, MaskOrigin.Reused, MaskOrigin.Reused, MaskOrigin.Reused, MaskOrigin.Segmented, MaskOrigin.Reused], origins);
    }

    [Fact]
    public void A_reused_mask_is_the_last_segmented_frames_mask()
    {
        using var state = new CameraMaskState(new TemporalMaskOptions { MaskReuseFrames = 3 });
        using var first = Mask(state, _astronaut[0], Start);
        using var second = Mask(state, _astronaut[1], Start + 0.1);
        using var own = OwnMask(_astronaut[0]);
        Assert.Equal(0, MaxDifference(second, own));
    }

    [Fact]
    public void Mask_reuse_never_reaches_across_a_timestamp_going_back_or_a_gap()
    {
        using var state = new CameraMaskState(new TemporalMaskOptions { MaskReuseFrames = 5 });
        var origins = new List<MaskOrigin>
        {
            Origin(state, _astronaut[0], Start),
            Origin(state, _astronaut[1], Start + 0.1),
            Origin(state, _astronaut[2], Start - 5), // the camera reconnected with an earlier clock
            Origin(state, _astronaut[3], Start - 4.9),
            Origin(state, _astronaut[4], Start + 60), // back after a minute
        };
        Assert.Equal([MaskOrigin.Segmented, MaskOrigin.Reused, MaskOrigin.Segmented, MaskOrigin.Reused, MaskOrigin.Segmented], origins);
    }

    [Fact]
    public void A_different_picture_is_segmented_again()
    {
        using var state = new CameraMaskState(new TemporalMaskOptions { MaskReuseFrames = 5 });
        Assert.Equal(MaskOrigin.Segmented, Origin(state, _astronaut[0], Start));
        Assert.Equal(MaskOrigin.Segmented, Origin(state, _soccer[0], Start + 0.1));
        Assert.Equal(MaskOrigin.Reused, Origin(state, _soccer[1], Start + 0.2));
    }

    [Fact]
    public void Two_cameras_interleaved_never_share_their_state()
    {
        var options = new TemporalMaskOptions { Smoothing = 0.5f, MaskReuseFrames = 2 };
        using var alone = new CameraMaskState(options);
        var expected = Masks(alone, _astronaut[..4], Start, Start + 0.1, Start + 0.2, Start + 0.3);

        using var first = new CameraMaskState(options);
        using var second = new CameraMaskState(options);
        var interleaved = new List<Mat>();
        for (var i = 0; i < 4; i++)
        {
            interleaved.Add(Mask(first, _astronaut[i], Start + (0.1 * i)));
            Mask(second, _soccer[i], Start + (0.1 * i) + 0.05).Dispose();
        }
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(0, MaxDifference(expected[i], interleaved[i]));
        }
        expected.Concat(interleaved).ToList().ForEach(m => m.Dispose());
    }

    [Fact]
    public void Reused_masks_of_a_still_portrait_agree_with_segmenting_every_frame()
    {
        using var state = new CameraMaskState(new TemporalMaskOptions { MaskReuseFrames = 10 });
        var origins = new List<MaskOrigin>();
        var ious = new List<double>();
        for (var i = 0; i < _astronaut.Count; i++)
        {
            using var mask = new Mat();
            origins.Add(state.MaskFor(_astronaut[i], Start + (0.1 * i), fixture.Segmenter, mask));
            using var own = OwnMask(_astronaut[i]);
            ious.Add(PersonMasks.Iou(mask, own));
        }
        output.WriteLine($"IoU with each frame's own mask: {string.Join(", ", ious.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}");
        Assert.Equal(1, origins.Count(o => o == MaskOrigin.Segmented));
        Assert.True(ious.Min() >= 0.97, $"a reused mask should agree with the frame's own mask (IoU >= 0.97): {ious.Min():F4}");
    }

    [Fact]
    public void Smoothing_calms_the_mask_of_a_still_noisy_clip()
    {
        var offFlicker = MeanChange(new TemporalMaskOptions { MaskReuseFrames = 0 });
        var onFlicker = MeanChange(new TemporalMaskOptions { Smoothing = 0.5f });
        output.WriteLine($"mean |mask change| between consecutive frames: off {offFlicker:F5}, smoothing 0.5 {onFlicker:F5}");
        Assert.True(offFlicker > 0, "the noise should move the mask at all");
        Assert.True(onFlicker < 0.7 * offFlicker, $"smoothing should calm the mask: {onFlicker:F5} vs {offFlicker:F5}");
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CameraMaskState(new TemporalMaskOptions { Smoothing = 1f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CameraMaskState(new TemporalMaskOptions { Smoothing = -0.1f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CameraMaskState(new TemporalMaskOptions { MaskReuseFrames = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CameraMaskState(new TemporalMaskOptions { ReuseThreshold = 0 }));
    }

    private double MeanChange(TemporalMaskOptions options)
    {
        using var state = new CameraMaskState(options);
        var masks = _astronaut.Select((frame, i) => Mask(state, frame, Start + (0.1 * i))).ToList();
        var changes = masks.Skip(1).Zip(masks, (now, before) =>
        {
            using var difference = new Mat();
            Cv2.Absdiff(now, before, difference);
            return Cv2.Mean(difference).Val0;
        }).ToList();
        masks.ForEach(m => m.Dispose());
        return changes.Average();
    }

    private Mat Mask(CameraMaskState state, Mat frame, double timestamp)
    {
        var mask = new Mat();
        state.MaskFor(frame, timestamp, fixture.Segmenter, mask);
        return mask;
    }

    private MaskOrigin Origin(CameraMaskState state, Mat frame, double timestamp)
    {
        using var mask = new Mat();
        return state.MaskFor(frame, timestamp, fixture.Segmenter, mask);
    }

    private List<Mat> Masks(CameraMaskState state, List<Mat> frames, params double[] timestamps) =>
        frames.Select((frame, i) => Mask(state, frame, timestamps[i])).ToList();

    private List<MaskOrigin> Origins(CameraMaskState state, List<Mat> frames, double start) =>
        frames.Select((frame, i) => Origin(state, frame, start + (0.1 * i))).ToList();

    private Mat OwnMask(Mat frame)
    {
        var mask = new Mat();
        fixture.Segmenter.Segment(frame, mask);
        return mask;
    }

    private static double MaxDifference(Mat a, Mat b)
    {
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        Cv2.MinMaxLoc(difference, out _, out double max);
        return max;
    }

    public void Dispose() => _astronaut.Concat(_soccer).ToList().ForEach(m => m.Dispose());
}
