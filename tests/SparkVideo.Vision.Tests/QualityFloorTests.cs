using OpenCvSharp;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.People;
using SparkVideo.Vision.Segmentation;
using Xunit.Abstractions;

namespace SparkVideo.Vision.Tests;

/// <summary>
/// A floor under the quality benchmark (bench quality, docs/perf/quality.md) on a few of its composites with exact
/// masks: fast enough for every CI run, and failing when a change loses people or keeps what is not a person.
/// </summary>
public sealed class QualityFloorTests(SegmenterFixture fixture, ITestOutputHelper output) : IClassFixture<SegmenterFixture>
{
    private const int FramesPerHeight = 2;

    // Measured on these frames (2026-12-06): crops 0.91 at 0.95 (0.90-0.93 per height in the full benchmark); one pass
    // 0.89 at 0.95 and 0.48 at 0.6 (it loses people below about half the frame height: docs/quality.md).
    private const double CropFloor = 0.85, OnePassNearFloor = 0.85, OnePassMiddleFloor = 0.40;

    private const double MaxSoftGap = 0.01;

    // The default (find the people, then segment each) on these frames, measured 2026-12-06: 0.92 / 0.91 / 0.95 / 0.92 /
    // 0.45 by height, nothing kept with nobody. The one pass scores 0.48 at 0.6 and keeps 20 % with nobody, so it fails.
    private static readonly Dictionary<double, double> PeopleFloor = new() { [0.95] = 0.85, [0.6] = 0.85, [0.4] = 0.85, [0.25] = 0.85, [0.15] = 0.40 };
    private const double PeopleEmptyCeiling = 0.01;

    // The target at a sixth of the frame's height (the benchmark's 24 frames: 0.77).
    private const double PhotoSmallestFloor = 0.70;

    [Fact]
    public void The_model_on_each_known_persons_crop_keeps_people_at_every_height_and_nothing_where_nobody_is()
    {
        using var set = new GroundTruthSet();
        foreach (var height in GroundTruthSet.Heights)
        {
            var iou = MeanIou(set.WithPeople(height, FramesPerHeight, seed: (int)(height * 1000)), CropAlpha);
            Assert.True(iou >= CropFloor, $"height {height}: mean IoU {iou:F3} < {CropFloor}");
        }
        foreach (var frame in set.Empty())
        {
            using (frame)
            using (var alpha = CropAlpha(frame))
            {
                Assert.Equal(0, MaskScores.KeptShare(alpha));
            }
        }
    }

    [Fact]
    public void The_default_finds_people_at_every_height_and_keeps_almost_nothing_where_nobody_is()
    {
        using var set = new GroundTruthSet();
        using var remover = new BackgroundRemover(fixture.Segmenter,
            new BackgroundRemovalOptions { Background = new BackgroundSpec { Mode = BackgroundMode.Transparent } });
        Mat Default(GroundTruthFrame frame)
        {
            using var output = new Mat();
            remover.RemoveFromFrame(frame.Bgr, output);
            return output.ExtractChannel(3);
        }

        var perHeight = GroundTruthSet.Heights.ToDictionary(h => h, h => MeanIou(set.WithPeople(h, FramesPerHeight, seed: (int)(h * 1000)), Default));
        var kept = new List<double>();
        foreach (var frame in set.Empty())
        {
            using (frame)
            using (var alpha = Default(frame))
            {
                kept.Add(MaskScores.KeptShare(alpha));
            }
        }
        output.WriteLine(string.Join(", ", perHeight.Select(p => $"{p.Key}: {p.Value:F3}")) + $"; nobody: {kept.Average():P1} kept");

        Assert.All(perHeight, p => Assert.True(p.Value >= PeopleFloor[p.Key], $"height {p.Key}: mean IoU {p.Value:F3} < {PeopleFloor[p.Key]}"));
        Assert.True(kept.Average() <= PeopleEmptyCeiling, $"nobody in the frame: {kept.Average():P1} kept (at most {PeopleEmptyCeiling:P1})");
    }

    [Fact]
    public void A_photo_keeps_people_a_sixth_of_the_frame_tall_whom_a_cameras_frame_loses()
    {
        // A photo (RemoveFromFrame) is searched on the whole frame and on 2x2 tiles; a camera's frame on the whole frame
        // only. On the quality benchmark's 24 frames at this height: 0.77 against 0.62 (docs/quality.md).
        using var set = new GroundTruthSet();
        var transparent = new BackgroundRemovalOptions { Background = new BackgroundSpec { Mode = BackgroundMode.Transparent } };
        using var photo = new BackgroundRemover(fixture.Segmenter, transparent);
        using var wholeFrame = new BackgroundRemover(fixture.Segmenter, transparent,
            new PeopleSegmentation(SharedPersonDetector.Get(fixture.Segmenter.IntraOpThreads)) { ImageSearch = null });
        Func<GroundTruthFrame, Mat> AlphaOf(BackgroundRemover remover) => frame =>
        {
            using var output = new Mat();
            remover.RemoveFromFrame(frame.Bgr, output);
            return output.ExtractChannel(3);
        };

        var tiled = MeanIou(set.WithPeople(0.15, 24, seed: 150), AlphaOf(photo));
        var whole = MeanIou(set.WithPeople(0.15, 24, seed: 150), AlphaOf(wholeFrame));
        output.WriteLine($"height 0.15: {tiled:F3} with the tiles, {whole:F3} on the whole frame");

        Assert.True(tiled >= PhotoSmallestFloor && tiled >= whole + 0.08, $"height 0.15: mean IoU {tiled:F3} with the tiles, {whole:F3} on the whole frame");
    }

    [Fact]
    public void The_one_pass_path_holds_its_measured_floor_for_people_near_the_camera()
    {
        using var set = new GroundTruthSet();
        using var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions
        {
            Background = new BackgroundSpec { Mode = BackgroundMode.Transparent },
            Segmentation = SegmentationMode.Frame,
        });
        Mat OnePass(GroundTruthFrame frame)
        {
            using var output = new Mat();
            remover.RemoveFromFrame(frame.Bgr, output);
            return output.ExtractChannel(3);
        }

        var near = MeanIou(set.WithPeople(0.95, FramesPerHeight, seed: 950), OnePass);
        var middle = MeanIou(set.WithPeople(0.6, FramesPerHeight, seed: 600), OnePass);

        Assert.True(near >= OnePassNearFloor, $"height 0.95: mean IoU {near:F3} < {OnePassNearFloor}");
        Assert.True(middle >= OnePassMiddleFloor, $"height 0.6: mean IoU {middle:F3} < {OnePassMiddleFloor}");
    }

    [Fact]
    public void The_default_output_keeps_no_half_transparent_people()
    {
        // Soft IoU charges half-transparent pixels: the soft blend was 0.02-0.03 below its IoU at every height
        // (docs/quality.md); the default hard mask's anti-aliased edge costs less than 0.005.
        using var set = new GroundTruthSet();
        using var remover = new BackgroundRemover(fixture.Segmenter,
            new BackgroundRemovalOptions { Background = new BackgroundSpec { Mode = BackgroundMode.Transparent } });
        var (iou, soft) = (new List<double>(), new List<double>());
        foreach (var height in new[] { 0.95, 0.6 })
        {
            foreach (var frame in set.WithPeople(height, FramesPerHeight, seed: (int)(height * 1000)))
            {
                using (frame)
                using (var output = new Mat())
                {
                    remover.RemoveFromFrame(frame.Bgr, output);
                    using var alpha = output.ExtractChannel(3);
                    iou.Add(MaskScores.Iou(alpha, frame.Truth));
                    soft.Add(MaskScores.SoftIou(alpha, frame.Truth));
                }
            }
        }

        var gap = iou.Average() - soft.Average();
        Assert.True(gap <= MaxSoftGap, $"soft IoU {soft.Average():F3} is {gap:F3} below IoU {iou.Average():F3} (at most {MaxSoftGap})");
    }

    [Fact]
    public void Scores_charge_what_is_missed_what_is_kept_wrongly_and_half_transparent_pixels()
    {
        using var truth = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(0));
        truth[new Rect(0, 0, 5, 10)].SetTo(Scalar.All(255));
        using var half = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(0));
        half[new Rect(0, 0, 5, 10)].SetTo(Scalar.All(128));
        using var all = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(255));

        Assert.Equal(1, MaskScores.Iou(truth, truth));
        Assert.Equal(0.5, MaskScores.Iou(all, truth));
        Assert.Equal(1, MaskScores.Iou(half, truth));
        Assert.Equal(128 / 255.0, MaskScores.SoftIou(half, truth), 6);
        Assert.Equal(0.5, MaskScores.KeptShare(truth));
    }

    private Mat CropAlpha(GroundTruthFrame frame)
    {
        using var mask = new Mat();
        CropSegmentation.Segment(frame.Bgr, frame.Boxes, fixture.Segmenter, new CropGeometry(), mask);
        var alpha = new Mat();
        mask.ConvertTo(alpha, MatType.CV_8UC1, 255);
        return alpha;
    }

    private static double MeanIou(IEnumerable<GroundTruthFrame> frames, Func<GroundTruthFrame, Mat> alphaOf)
    {
        var scores = new List<double>();
        foreach (var frame in frames)
        {
            using (frame)
            using (var alpha = alphaOf(frame))
            {
                scores.Add(MaskScores.Iou(alpha, frame.Truth));
            }
        }
        return scores.Average();
    }
}
