using System.Diagnostics;
using System.Globalization;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Benchmarks.ModeCost;

/// <summary>
/// The CPU cost per frame of each --background mode and --edges refinement against gray, the cases alternating
/// round by round in one process (so a machine whose load changes during the run moves every case alike), timed
/// as this process's CPU time on one thread (one intra-op thread): a busy machine slows the clock, not the count.
/// Each ratio is the median over the rounds of (case / gray in the same round).
/// </summary>
public static class ModeCostRun
{
    private const int Width = 640, Height = 480;

    public static int Run(int rounds, int framesPerRound)
    {
        var jpeg = File.ReadAllBytes(FrameStageBenchmarks.FindSample("astronaut.jpg"));
        using var segmenter = Segmenter.Load(new SegmenterOptions { IntraOpThreads = 1 });
        (string Name, string Background, EdgeRefinement Edges, float? Threshold)[] cases =
        [
            ("gray (default: --threshold 0.5)", "gray", EdgeRefinement.None, MaskCut.DefaultThreshold),
            ("gray, --threshold soft", "gray", EdgeRefinement.None, null),
            ("color:0,128,255", "color:0,128,255", EdgeRefinement.None, MaskCut.DefaultThreshold),
            ("blur (radius 15)", "blur", EdgeRefinement.None, MaskCut.DefaultThreshold),
            ("image (640x480 JPEG)", $"image:{FrameStageBenchmarks.FindSample("soccer_player.jpg")}", EdgeRefinement.None, MaskCut.DefaultThreshold),
            ("transparent (PNG)", "transparent", EdgeRefinement.None, MaskCut.DefaultThreshold),
            ("gray, --edges guided", "gray", EdgeRefinement.Guided, MaskCut.DefaultThreshold),
            ("gray, --edges feather", "gray", EdgeRefinement.Feather, MaskCut.DefaultThreshold),
        ];
        var removers = cases.Select(c => new BackgroundRemover(segmenter, new BackgroundRemovalOptions
        {
            Background = BackgroundSpecParser.TryParse(c.Background, out var spec, out var error) ? spec : throw new InvalidOperationException(error),
            Edges = c.Edges,
            Threshold = c.Threshold,
            Segmentation = SegmentationMode.Frame,
        })).ToArray();
        try
        {
            foreach (var remover in removers)
            {
                remover.RemoveFromJpeg(jpeg, Width, Height); // warm: pools, the image's cover, JIT
            }
            var msPerFrame = cases.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                // A different case goes first each round, so none always follows the same neighbour.
                foreach (var i in Enumerable.Range(0, cases.Length).Select(k => (k + round) % cases.Length))
                {
                    var before = Process.GetCurrentProcess().TotalProcessorTime;
                    for (var f = 0; f < framesPerRound; f++)
                    {
                        removers[i].RemoveFromJpeg(jpeg, Width, Height);
                    }
                    msPerFrame[i].Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / framesPerRound);
                }
            }
            Console.WriteLine($"CPU per 640x480 frame (decode, segment, composite, encode), {rounds} alternating rounds of {framesPerRound} frames:");
            Console.WriteLine("| case | CPU per frame (median) | against gray (median of per-round ratios) |");
            Console.WriteLine("| --- | ---: | ---: |");
            for (var i = 0; i < cases.Length; i++)
            {
                var ratios = Enumerable.Range(0, rounds).Select(r => msPerFrame[i][r] / msPerFrame[0][r]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {cases[i].Name} | {Median(msPerFrame[i]):F1} ms | {Median(ratios):F2} |"));
            }
            return 0;
        }
        finally
        {
            foreach (var remover in removers)
            {
                remover.Dispose();
            }
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
