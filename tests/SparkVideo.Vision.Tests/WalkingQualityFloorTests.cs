using OpenCvSharp;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.People;
using Xunit.Abstractions;

namespace SparkVideo.Vision.Tests;

/// <summary>
/// A floor under the walking-clip benchmark (bench quality-video, docs/perf/quality_video.md): people walking across a
/// scene at a brisk pace through one camera's state, the detector on one frame in 10 (the longest carry the docs
/// suggest) and the boxes carried between, so each walker must stay inside their carried, growing crop until the next
/// detection.
/// </summary>
public sealed class WalkingQualityFloorTests(SegmenterFixture fixture, ITestOutputHelper output) : IClassFixture<SegmenterFixture>
{
    private const int FramesPerClip = 30;

    private const int DetectEvery = 10;

    // Measured on these clips (2026-12-07), the boxes following their masks: mean IoU 0.88 and 0.97, lost in 2.2 % and 0 %
    // of the person-frames (carried from where they were found: 0.66 and 0.89, nobody lost). With the carried boxes not
    // grown between detections the walkers step out of their crops: lost in 8.9 % and 6.7 % of the person-frames.
    private const double IouFloor = 0.6, MostLostShare = 0.03;

    [Theory]
    [InlineData(0.4, 1)]
    [InlineData(0.25, 3)]
    public void Walkers_stay_kept_between_detections(double height, int clip)
    {
        using var set = new GroundTruthSet();
        var people = new PeopleSegmentation(SharedPersonDetector.Get(fixture.Segmenter.IntraOpThreads));
        var track = new PersonTrack(DetectEvery);
        var score = ClipScore.Of(set.Walking(height, FramesPerClip, clip), frame =>
        {
            using var mask = new Mat();
            people.Segment(frame.Bgr, fixture.Segmenter, track, mask);
            return MaskScores.AlphaOfProbability(mask);
        });
        var (meanIou, lostShare) = (score.MeanIou, score.LostShare);
        output.WriteLine($"height {height}, clip {clip}: mean IoU {meanIou:F3}, lost in {lostShare:P1} of {score.PersonFrames} person-frames");
        Assert.True(meanIou >= IouFloor, $"mean IoU {meanIou:F3} < {IouFloor}");
        Assert.True(lostShare <= MostLostShare, $"people lost in {lostShare:P1} of person-frames (at most {MostLostShare:P0})");
    }
}
