using System.Text;
using OpenCvSharp;
using SparkVideo.PipelineBench.Quality;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.People;
using SparkVideo.Vision.Segmentation;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// The people path as a camera runs it: clips of 1 to 3 people walking across the quality scenes
/// (<see cref="GroundTruthSet.Walking"/>), each clip through one camera's state in frame order, so the detector runs on
/// one frame in --detect-every and the boxes are carried between. Scores IoU per height, how often a person is lost,
/// and the CPU per frame against the one pass on the same frames. Writes quality_video.md and quality_video.csv.
/// </summary>
public static class WalkingQualityScenario
{
    public const string OnePass = "one pass (--segmentation frame)";

    public static ScenarioReport Run(int clipsPerHeight, int framesPerClip, string outDir)
    {
        Cv2.SetNumThreads(1);
        using var set = new GroundTruthSet();
        using var segmenter = Segmenter.Load(new SegmenterOptions { IntraOpThreads = 1 });
        using var nanoDet = NanoDetPersonDetector.Load(intraOpThreads: 1);
        var transparent = new BackgroundSpec { Mode = BackgroundMode.Transparent };
        using var onePassRemover = new BackgroundRemover(segmenter, new BackgroundRemovalOptions { Background = transparent, Segmentation = SegmentationMode.Frame });
        var people = new PeopleSegmentation(nanoDet);
        ClipMethod People(string name, int detectEvery, float growth = PersonTrack.DefaultGrowthPerFrame, bool keepMissed = true, bool followMasks = true) => new(name, () =>
        {
            var track = new PersonTrack(detectEvery, growth, keepMissed, followMasks);
            return f =>
            {
                using var mask = new Mat();
                people.Segment(f.Bgr, segmenter, track, mask);
                return MaskScores.AlphaOfProbability(mask);
            };
        });
        var methods = new List<ClipMethod>
        {
            new(OnePass, () => f =>
            {
                using var output = new Mat();
                onePassRemover.RemoveFromFrame(f.Bgr, output);
                return QualityRunner.AlphaOf(output);
            }),
            People("people, the detector on every frame (--detect-every 1)", 1),
            People($"people, --detect-every {TemporalMaskOptions.DefaultDetectEvery} (the default)", TemporalMaskOptions.DefaultDetectEvery),
            People("people, --detect-every 10", 10),
            People("people, --detect-every 5, boxes carried from where they were found, not following the masks (until 2026-12-07)",
                TemporalMaskOptions.DefaultDetectEvery, followMasks: false),
            People("people, --detect-every 10, boxes not following the masks", 10, followMasks: false),
            People("people, --detect-every 5, a box the detector misses dropped at once", TemporalMaskOptions.DefaultDetectEvery, keepMissed: false),
            // The carried boxes' growth (PersonTrack.DefaultGrowthPerFrame) against none, to show what it is for.
            People("people, --detect-every 5, carried boxes not grown", TemporalMaskOptions.DefaultDetectEvery, 0),
            People("people, --detect-every 10, carried boxes not grown", 10, 0),
        };
        using (methods[^1].StartClip()(set.WithPeople(0.4, 1, 1).Single()))
        {
            // Warm-up: the first inference of each session is slow.
        }
        var rows = WalkingClipRunner.Score(methods, set, clipsPerHeight, framesPerClip);

        // The same clips through the UDF's whole frame path, the cost the job pays (the bare loop's measure).
        using var onePassPath = new BackgroundRemover(segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
        using var peoplePath = new BackgroundRemover(segmenter, new BackgroundRemovalOptions(), people);
        var costs = WalkingFramePath.Measure(
        [
            new(OnePass, onePassPath, null),
            new($"people, --detect-every {TemporalMaskOptions.DefaultDetectEvery} (the default)", peoplePath, TemporalMaskOptions.DefaultDetectEvery),
            new("people, --detect-every 10", peoplePath, 10),
        ], set, clipsPerHeight, framesPerClip);
        Write(outDir, rows, costs, clipsPerHeight, framesPerClip);

        var report = new ScenarioReport("quality-video",
            $"{clipsPerHeight} walking clips of {framesPerClip} frames per height, 640x480, 1-3 people, general model, 1 thread");
        foreach (var row in rows)
        {
            report.Add($"{row.Method}, {(row.Height == 0 ? "nobody" : "height " + Format.N(row.Height, 2))}",
                row.Height == 0 ? $"{Format.Percent(row.KeptShare)} kept, {Format.N(row.CpuMsPerFrame, 1)} ms"
                    : $"IoU {Format.N(row.Iou, 3)}, lost {Format.Percent(row.LostShare)}, {Format.N(row.CpuMsPerFrame, 1)} ms", "", true);
        }
        return report;
    }

    private static void Write(string outDir, IReadOnlyList<WalkingRow> rows, IReadOnlyList<WalkingCostRow> costs, int clipsPerHeight, int framesPerClip)
    {
        Csv.Write(Path.Combine(outDir, "quality_video.csv"), "method,height,frames,iou,lost_share,cpu_ms_per_frame",
            rows.Select(r => new object?[] { $"\"{r.Method}\"", r.Height, r.Frames, r.Iou, r.LostShare, r.CpuMsPerFrame }));
        var heights = rows.Select(r => r.Height).Where(h => h > 0).Distinct().OrderByDescending(h => h).ToList();
        var onePass = heights.Append(0).ToDictionary(h => h, h => rows.First(r => r.Method == OnePass && r.Height == h).CpuMsPerFrame);
        var md = new StringBuilder();
        md.AppendLine("# Quality in video: people walking");
        md.AppendLine();
        md.AppendLine($"Written by `dotnet run -c Release --project bench/SparkVideo.PipelineBench -- quality-video` on {DateTime.UtcNow:yyyy-MM-dd}: " +
            $"{clipsPerHeight} clips of {framesPerClip} frames (10 FPS) per person height, 1 to 3 people (1 at 0.95) walking sideways at " +
            "6-10 % of their height a frame over the `samples/quality` scenes, and as many clips of the scenes with nobody, each clip " +
            "through one camera's state in frame order. " +
            $"Kept = probability at least 0.5 (the default's alpha >= 128). Lost: a person with less than {ClipScore.LostBelow:P0} " +
            "of their pixels kept in a frame. CPU: one thread, segmentation and mask only (no JPEG).");
        md.AppendLine();
        var keyed = rows.Select(r => (r.Method, r.Height, r)).ToList();
        void Table(string title, Func<WalkingRow, string> cell, Func<WalkingRow, string>? nobody) =>
            HeightTable.Append(md, title, keyed, cell, nobody);
        Table("Mean IoU per person height / frame height; nobody: the share of the frame kept", r => Format.N(r.Iou, 2), r => Format.Percent(r.KeptShare) + " kept");
        Table("People lost (share of person-frames)", r => Format.Percent(r.LostShare), null);
        Table("CPU per frame (ms) and its ratio to the one pass on the same frames", r => $"{Format.N(r.CpuMsPerFrame, 1)} ({Format.N(r.CpuMsPerFrame / onePass[r.Height], 1)}x)",
            r => $"{Format.N(r.CpuMsPerFrame, 1)} ({Format.N(r.CpuMsPerFrame / onePass[0], 1)}x)");
        var onePassPath = costs.Where(c => c.Method == OnePass).ToDictionary(c => c.Height, c => c.CpuMsPerFrame);
        string PathCell(WalkingCostRow c) => $"{Format.N(c.CpuMsPerFrame, 1)} ({Format.N(c.CpuMsPerFrame / onePassPath[c.Height], 1)}x)";
        HeightTable.Append(md, "CPU per frame (ms), the whole frame path as the job's UDF runs it (base64 JPEG in: validate, decode, mask, " +
            "composite over gray, encode; no file written), and its ratio to the one pass on the same frames",
            [.. costs.Select(c => (c.Method, c.Height, c))], PathCell, PathCell);
        File.WriteAllText(Path.Combine(outDir, "quality_video.md"), md.ToString());
    }
}
