using OpenCvSharp;
using SparkVideo.Vision.People;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.Vision.Tests;

/// <summary>Finding the people, carrying them between detections per camera, and the crops they get.</summary>
public sealed class PeopleSegmentationTests(SegmenterFixture fixture) : IClassFixture<SegmenterFixture>, IDisposable
{
    private readonly CountingDetector _detector = new(NanoDetPersonDetector.Load());

    [Fact]
    public void A_camera_runs_the_detector_on_one_frame_in_detect_every_and_keeps_its_people_between()
    {
        var people = new PeopleSegmentation(_detector);
        using var state = new CameraMaskState(new TemporalMaskOptions { DetectEvery = 5 });
        using var frame = NanoDetPersonDetectorTests.StreetFrame(60);
        using var mask = new Mat();
        var kept = new List<double>();

        for (var i = 0; i < 12; i++)
        {
            state.MaskFor(frame, 1_767_668_128 + (0.1 * i), (f, track, m) => people.Segment(f, fixture.Segmenter, track, m), mask);
            kept.Add(Cv2.CountNonZero(mask.GreaterThan(0.5)) / (double)(mask.Width * mask.Height));
        }

        Assert.Equal(3, _detector.Calls); // frames 0, 5 and 10
        Assert.All(kept, k => Assert.InRange(k, 0.005, 0.05)); // six small people, never nothing, never the street
    }

    [Fact]
    public void Without_a_camera_every_frame_is_detected()
    {
        var people = new PeopleSegmentation(_detector);
        using var frame = NanoDetPersonDetectorTests.StreetFrame(60);
        using var mask = new Mat();

        people.Segment(frame, fixture.Segmenter, null, mask);
        people.Segment(frame, fixture.Segmenter, null, mask);

        Assert.Equal(2, _detector.Calls);
    }

    [Fact]
    public void A_carried_box_grows_each_frame_and_a_reset_asks_for_a_detection()
    {
        var track = new PersonTrack(detectEvery: 3);
        Assert.True(track.NeedsDetection);
        track.Detected([new PersonBox(100, 100, 20, 50)]);

        Assert.False(track.NeedsDetection);
        var first = Assert.Single(track.Carry());
        Assert.False(track.NeedsDetection);
        var second = Assert.Single(track.Carry());
        Assert.True(track.NeedsDetection);

        Assert.True(first.Height > 50 && second.Height > first.Height && second.X < first.X);
        Assert.Equal(125, second.CenterY, 3); // grown about its centre
        track.Reset();
        Assert.True(track.NeedsDetection);
        Assert.Empty(track.Carry());
    }

    [Fact]
    public void A_box_the_next_detection_misses_is_carried_one_more_interval_then_dropped()
    {
        var track = new PersonTrack(detectEvery: 2);
        var walker = new PersonBox(100, 100, 20, 50);
        Assert.Single(track.Detected([walker]));
        track.Carry();

        // Missed once: carried on, grown for the frames since it was found.
        var missed = Assert.Single(track.Detected([]));
        Assert.True(missed.Height > walker.Height && missed.X < walker.X);
        Assert.Single(track.Carry());

        // Missed twice: dropped.
        Assert.Empty(track.Detected([]));

        // Found again, it is one box, not the new one and the old one.
        Assert.Single(track.Detected([walker]));
        track.Carry();
        Assert.Single(track.Detected([walker with { X = 110 }]));
    }

    [Fact]
    public void A_missed_box_is_not_kept_once_the_found_ones_fill_the_crops_a_frame_gets_apart()
    {
        // In a crowd a kept box would make neighbours share crops, each seen smaller: on the street video the first
        // version lost two of six people that way.
        var track = new PersonTrack(detectEvery: 2);
        var crowd = Enumerable.Range(0, CropPlan.DefaultMaxCrops).Select(i => new PersonBox(10 + 100 * i, 100, 20, 50)).ToList();
        track.Detected([.. crowd, new PersonBox(500, 300, 20, 50)]);
        track.Carry();
        Assert.Equal(crowd.Count, track.Detected(crowd).Count);
    }

    [Fact]
    public void A_crowd_gets_at_most_the_plans_crops_and_neighbours_share_one()
    {
        var plan = new CropPlan(new CropGeometry(), MaxCrops: 2);
        PersonBox[] boxes = [new(10, 100, 20, 60), new(40, 100, 20, 60), new(500, 100, 20, 60)];

        var crops = plan.CropsOf(boxes, new Size(640, 480), new Size(256, 256));

        Assert.Equal(2, crops.Count);
        Assert.Contains(crops, c => c.Contains(new Point(20, 130)) && c.Contains(new Point(50, 130))); // the two side by side
        Assert.Contains(crops, c => c.Contains(new Point(510, 130)) && !c.Contains(new Point(50, 130)));
        Assert.Equal(3, new CropPlan(new CropGeometry()).CropsOf(boxes, new Size(640, 480), new Size(256, 256)).Count);
    }

    public void Dispose() => _detector.Dispose();

    /// <summary>The real detector, counting its runs (what these tests check is how often it is asked).</summary>
    private sealed class CountingDetector(IPersonDetector inner) : IPersonDetector
    {
        public int Calls { get; private set; }

        public List<PersonBox> Detect(Mat bgrFrame)
        {
            Calls++;
            return inner.Detect(bgrFrame);
        }

        public void Dispose() => inner.Dispose();
    }
}
