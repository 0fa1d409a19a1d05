using OpenCvSharp;
using SparkVideo.PipelineBench.Quality;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.People;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// Whether the right pixels are kept: person cutouts with exact alpha pasted over person-free scenes (samples/quality)
/// at heights from the full frame to 1/6, 1 to 4 people a frame, and the scenes alone; each method's alpha (what
/// --background transparent keeps) scored per height against the exact mask. Writes quality.md, quality.csv, quality.png.
/// </summary>
public static class QualityScenario
{
    /// <summary>
    /// The method names of the one-pass path before and after the hard mask became its default, and of today's default
    /// for an image on its own: the people found by NanoDet on the frame and on 2x2 tiles, then each segmented on its own
    /// crop; and of the same with the detector on the whole frame only, as a camera's frames are searched.
    /// </summary>
    public const string OldDefault = "frame, soft (--threshold soft, the old default)",
        OnePass = "frame, threshold 0.5, ramp 0.4-0.6 (--segmentation frame)",
        Default = "people: NanoDet on the frame and 2x2 tiles + crops, threshold 0.5 (the default for a photo)",
        WholeFrameSearch = "people: NanoDet on the whole frame + crops, threshold 0.5 (a camera's frame)";

    public const double TargetIou = 0.85, TargetSmallestIou = 0.70, TargetEmptyKept = 0.01, TargetSoftGap = 0.02;

    public static ScenarioReport Run(int framesPerHeight, string outDir)
    {
        Cv2.SetNumThreads(1);
        using var set = new GroundTruthSet();
        var frames = GroundTruthSet.Heights.SelectMany(h => set.WithPeople(h, framesPerHeight, seed: (int)(h * 1000))).Concat(set.Empty()).ToList();
        using var segmenter = Segmenter.Load(new SegmenterOptions { IntraOpThreads = 1 });
        var transparent = new BackgroundSpec { Mode = BackgroundMode.Transparent };
        var onePass = new BackgroundRemovalOptions { Background = transparent, Segmentation = SegmentationMode.Frame };
        using var softRemover = new BackgroundRemover(segmenter, onePass with { Threshold = null });
        using var onePassRemover = new BackgroundRemover(segmenter, onePass);
        using var guidedRemover = new BackgroundRemover(segmenter, onePass with { Edges = EdgeRefinement.Guided });
        using var guidedSoftRemover = new BackgroundRemover(segmenter, onePass with { Edges = EdgeRefinement.Guided, Threshold = null });
        using var detector = PersonDetector.Load(intraOpThreads: 1);
        using var nanoDet = NanoDetPersonDetector.Load(intraOpThreads: 1);
        var people = new PeopleSegmentation(nanoDet);
        using var defaultRemover = new BackgroundRemover(segmenter, new BackgroundRemovalOptions { Background = transparent }, people);
        using var peopleSoftRemover = new BackgroundRemover(segmenter, new BackgroundRemovalOptions { Background = transparent, Threshold = null }, people);
        using var wholeFrameRemover = new BackgroundRemover(segmenter, new BackgroundRemovalOptions { Background = transparent },
            new PeopleSegmentation(nanoDet) { ImageSearch = null });
        var geometry = new CropGeometry();
        QualityMethod Removed(string name, BackgroundRemover remover) => new(name, f =>
        {
            using var output = new Mat();
            remover.RemoveFromFrame(f.Bgr, output);
            return QualityRunner.AlphaOf(output);
        });
        // Other cuts of the soft output, to choose the default's: the probability thresholded, optionally blurred.
        QualityMethod Cut(string name, double threshold, int featherRadius = 0) => new(name, f =>
        {
            using var output = new Mat();
            softRemover.RemoveFromFrame(f.Bgr, output);
            using var soft = QualityRunner.AlphaOf(output);
            var alpha = new Mat();
            Cv2.Threshold(soft, alpha, threshold * 255, 255, ThresholdTypes.Binary);
            if (featherRadius > 0)
            {
                Cv2.GaussianBlur(alpha, alpha, new Size(2 * featherRadius + 1, 2 * featherRadius + 1), 0);
            }
            return alpha;
        });
        QualityMethod KnownBoxes(string name, float? threshold) => Crops(name, threshold, f => f.Boxes);
        QualityMethod Detected(string name, float? threshold) => Crops(name, threshold, f => detector.Detect(f.Bgr));
        QualityMethod Crops(string name, float? threshold, Func<GroundTruthFrame, IReadOnlyList<PersonBox>> boxes, CropGeometry? crop = null) => new(name, f =>
        {
            using var mask = new Mat();
            CropSegmentation.Segment(f.Bgr, boxes(f), segmenter, crop ?? geometry, mask);
            var alpha = new Mat();
            if (threshold is { } t)
            {
                Cv2.Threshold(mask, mask, t, 1, ThresholdTypes.Binary);
            }
            mask.ConvertTo(alpha, MatType.CV_8UC1, 255);
            return alpha;
        });
        var methods = new List<QualityMethod>
        {
            Removed(OldDefault, softRemover),
            Removed(OnePass, onePassRemover),
            Removed(Default, defaultRemover),
            Removed(WholeFrameSearch, wholeFrameRemover),
            Removed("people: NanoDet + crops, soft (--threshold soft)", peopleSoftRemover),
            Cut("frame, threshold 0.5, no edge", 0.5),
            Cut("frame, threshold 0.3", 0.3),
            Cut("frame, threshold 0.4", 0.4),
            Cut("frame, threshold 0.6", 0.6),
            Cut("frame, threshold 0.7", 0.7),
            Cut("frame, threshold 0.8", 0.8),
            Cut("frame, threshold 0.5 + 3x3 Gaussian", 0.5, 1),
            Cut("frame, threshold 0.5 + 5x5 Gaussian", 0.5, 2),
            Removed("frame, --edges guided --threshold soft", guidedSoftRemover),
            Removed("frame, --edges guided, threshold 0.5", guidedRemover),
            KnownBoxes("crops, boxes known, soft", null),
            KnownBoxes("crops, boxes known, threshold 0.5", 0.5f),
            Detected("people: pose detector + crops, soft", null),
            Detected("people: pose detector + crops, threshold 0.5", 0.5f),
            Crops("people: pose detector, no padding, threshold 0.5", 0.5f, f => detector.Detect(f.Bgr), new CropGeometry(0)),
            Crops("people: pose detector with 2 tiles, threshold 0.5", 0.5f, f => detector.DetectWithTiles(f.Bgr)),
        };
        var recall = GroundTruthSet.Heights.ToDictionary(h => h, h => Recall(frames.Where(f => f.PersonHeight == h), detector.Detect));
        var nanoDetRecall = GroundTruthSet.Heights.ToDictionary(h => h, h => Recall(frames.Where(f => f.PersonHeight == h), nanoDet.Detect));
        var tiles = new TiledPersonSearch();
        var tiledRecall = GroundTruthSet.Heights.ToDictionary(h => h, h => Recall(frames.Where(f => f.PersonHeight == h), f => tiles.Detect(nanoDet, f)));
        foreach (var height in GroundTruthSet.Heights)
        {
            Console.WriteLine($"NanoDet recall at height {height}: {nanoDetRecall[height]:P0} on the whole frame, {tiledRecall[height]:P0} with 2x2 tiles");
        }
        // The detector alone, for the default's cost with --detect-every N: crops every frame, the detector on 1 in N.
        var detectorStart = ThreadCpu.Nanoseconds();
        foreach (var frame in frames)
        {
            nanoDet.Detect(frame.Bgr);
        }
        var detectorMs = (ThreadCpu.Nanoseconds() - detectorStart) / 1e6 / frames.Count;
        Console.WriteLine($"NanoDet: {detectorMs:0.0} ms of CPU a frame");
        var rows = QualityRunner.Score(methods, frames);
        foreach (var frame in frames)
        {
            frame.Dispose();
        }
        foreach (var (height, share) in recall)
        {
            Console.WriteLine($"BlazePose detector recall at height {height}: {share:P0}");
        }

        // The plot keeps the two defaults and the people methods; the other cuts are close to the default's line.
        QualityReport.Write(outDir, rows, framesPerHeight, set.Scenes.Count,
            plotted: m => !m.StartsWith("frame, ", StringComparison.Ordinal) || m is OldDefault or OnePass);
        var report = new ScenarioReport("quality",
            $"{framesPerHeight} composites per height ({string.Join(", ", GroundTruthSet.Heights.Select(h => h.ToString("0.##", CultureInfo.InvariantCulture)))}), " +
            $"{set.Scenes.Count} empty scenes, 640x480, general model, 1 thread");
        foreach (var row in rows)
        {
            report.Add($"{row.Method}, {(row.Height == 0 ? "nobody" : "height " + Format.N(row.Height, 2))}",
                row.Height == 0 ? $"{Format.N(row.KeptShare * 100, 1)} % kept" : $"IoU {Format.N(row.Iou, 3)}, soft {Format.N(row.SoftIou, 3)}",
                "", true);
        }
        report.Add("NanoDet person detector alone", $"{Format.N(detectorMs, 1)} ms of CPU a frame", "", true);
        return report;
    }

    /// <summary>The share of pasted people whose box centre lies inside a detected box.</summary>
    private static double Recall(IEnumerable<GroundTruthFrame> frames, Func<Mat, List<PersonBox>> detect)
    {
        var (found, total) = (0, 0);
        foreach (var frame in frames)
        {
            var detected = detect(frame.Bgr);
            foreach (var truth in frame.Boxes)
            {
                total++;
                found += detected.Any(d => d.Contains(truth.CenterX, truth.CenterY)) ? 1 : 0;
            }
        }
        return total == 0 ? double.NaN : found / (double)total;
    }
}
