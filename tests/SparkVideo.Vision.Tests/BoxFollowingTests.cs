using OpenCvSharp;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.People;
using Xunit.Abstractions;

namespace SparkVideo.Vision.Tests;

/// <summary>Between detections a camera's boxes follow their people's masks (<see cref="MaskFit"/>, <see cref="PersonTrack.Follow"/>).</summary>
public sealed class BoxFollowingTests(SegmenterFixture fixture, ITestOutputHelper output) : IClassFixture<SegmenterFixture>
{
    private static readonly PersonBox Walker = new(100, 100, 40, 100);

    [Theory]
    // One walker each. Measured (2026-12-07), the box's centre at most 0.10 and 0.02 of the walker's height from theirs;
    // boxes carried from where the detector found them lag by up to 0.89 and 0.55.
    [InlineData(0.4, 7)]
    [InlineData(0.25, 0)]
    public void A_carried_box_stays_on_its_walker_between_detections(double height, int clip)
    {
        using var set = new GroundTruthSet();
        var people = new PeopleSegmentation(SharedPersonDetector.Get(fixture.Segmenter.IntraOpThreads));
        var track = new PersonTrack(detectEvery: 10);
        var worst = 0.0;
        foreach (var frame in set.Walking(height, 30, clip))
        {
            using (frame)
            {
                using var mask = new Mat();
                people.Segment(frame.Bgr, fixture.Segmenter, track, mask);
                var truth = Assert.Single(frame.Boxes);
                var nearest = track.Placed.Select(b => Math.Abs(b.CenterX - truth.CenterX) / (double)truth.Height).DefaultIfEmpty(double.PositiveInfinity).Min();
                worst = Math.Max(worst, nearest);
            }
        }
        output.WriteLine($"height {height}, clip {clip}: the box's centre at most {worst:F2} of the walker's height from theirs");
        Assert.True(worst <= 0.25, $"the box's centre strayed {worst:F2} of the walker's height from theirs");
    }

    [Fact]
    public void The_fit_is_what_is_kept_over_the_box_not_a_neighbour_elsewhere_in_its_crop()
    {
        using var mask = new Mat(480, 640, MatType.CV_32FC1, Scalar.All(0));
        Cv2.Rectangle(mask, new Rect(130, 110, 40, 100), Scalar.All(0.9), -1); // the walker, 30 px right of their box
        Cv2.Rectangle(mask, new Rect(30, 120, 20, 80), Scalar.All(0.9), -1);   // a neighbour in the crop, not over the box
        var crop = new CropGeometry().CropOf(Walker, new Size(640, 480), new Size(256, 256));

        var fitted = MaskFit.Of(mask, crop, Walker);

        Assert.NotNull(fitted);
        Assert.InRange(fitted.Value.X, 126, 134);
        Assert.InRange(fitted.Value.Right, 166, 176); // the search grid is coarser than a pixel
        Assert.InRange(fitted.Value.Height, 96, 108);
    }

    [Fact]
    public void A_box_grown_past_the_frames_edge_fits_within_the_frame()
    {
        using var mask = new Mat(480, 640, MatType.CV_32FC1, Scalar.All(0));
        Cv2.Rectangle(mask, new Rect(0, 300, 30, 180), Scalar.All(0.9), -1); // a walker leaving at the bottom-left corner
        var box = new PersonBox(-20, 290, 60, 210);
        var crop = new CropGeometry().CropOf(box, new Size(640, 480), new Size(256, 256));

        var fitted = MaskFit.Of(mask, crop, box);

        Assert.NotNull(fitted);
        Assert.Equal(0, fitted.Value.X, 3);
        Assert.InRange(fitted.Value.Bottom, 470, 480);
        Assert.InRange(fitted.Value.Right, 28, 36);
    }

    [Fact]
    public void Nothing_kept_over_the_box_fits_nothing_and_the_box_stays()
    {
        using var mask = new Mat(480, 640, MatType.CV_32FC1, Scalar.All(0.2));
        var crop = new CropGeometry().CropOf(Walker, new Size(640, 480), new Size(256, 256));
        Assert.Null(MaskFit.Of(mask, crop, Walker));

        var track = new PersonTrack(detectEvery: 5);
        track.Detected([Walker]);
        track.Follow([null]);
        Assert.Equal(Walker, Assert.Single(track.Placed));
    }

    [Fact]
    public void The_next_frame_grows_from_where_the_mask_placed_the_box()
    {
        var track = new PersonTrack(detectEvery: 5);
        track.Detected([Walker]);
        track.Follow([Walker with { X = 130 }]);

        var carried = Assert.Single(track.Carry());

        Assert.Equal(150, carried.CenterX, 3);
        Assert.Equal(Walker.Height * (1 + 2 * PersonTrack.DefaultGrowthPerFrame), carried.Height, 3);
    }

    [Fact]
    public void A_fit_larger_than_its_box_a_frame_on_is_not_followed_and_a_fit_shrinks_a_box_slowly()
    {
        // A mask that ran into the scene or took in a neighbour would feed its mistake to a larger crop every frame.
        var track = new PersonTrack(detectEvery: 5);
        track.Detected([Walker]);
        track.Follow([Walker with { Height = 130 }]);
        Assert.Equal(Walker, Assert.Single(track.Placed));

        // Legs lost for a frame: the box shrinks by at most a tenth, so the next crop still holds them.
        track.Follow([Walker with { Height = 50 }]);
        Assert.Equal((1 - PersonTrack.MaxShrinkPerFrame) * Walker.Height, Assert.Single(track.Placed).Height, 3);
    }

    [Fact]
    public void Boxes_carried_without_following_stay_where_they_were_found()
    {
        var track = new PersonTrack(detectEvery: 5, followMasks: false);
        var people = new PeopleSegmentation(SharedPersonDetector.Get(fixture.Segmenter.IntraOpThreads));
        using var frame = NanoDetPersonDetectorTests.StreetFrame(60);
        using var mask = new Mat();
        people.Segment(frame, fixture.Segmenter, track, mask);
        var found = track.Placed.ToList();
        people.Segment(frame, fixture.Segmenter, track, mask);
        Assert.NotEmpty(found);
        Assert.Equal(found, track.Placed);
    }
}
