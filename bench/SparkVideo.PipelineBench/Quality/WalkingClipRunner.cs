using SparkVideo.Testing.Quality;

namespace SparkVideo.PipelineBench.Quality;

/// <summary>
/// Scores methods on walking clips (<see cref="GroundTruthSet.Walking"/>), frame by frame in order, per person height:
/// mean IoU, the share of frames in which a person's true pixels are mostly lost, and the CPU each frame cost the
/// calling thread; on clips of the scenes with nobody, the share of the frame kept.
/// </summary>
public static class WalkingClipRunner
{
    /// <summary>A person counts as lost in a frame when less than this share of their true pixels is kept.</summary>
    public const double LostBelow = 0.5;

    public static List<WalkingRow> Score(IReadOnlyList<ClipMethod> methods, GroundTruthSet set, int clipsPerHeight, int framesPerClip)
    {
        var rows = new List<WalkingRow>();
        foreach (var method in methods)
        {
            foreach (var height in GroundTruthSet.Heights.Append(0))
            {
                var (iou, kept, frames, lost, people, cpuNs) = (0.0, 0.0, 0, 0, 0, 0L);
                for (var clip = 0; clip < clipsPerHeight; clip++)
                {
                    var alphaOf = method.StartClip();
                    foreach (var frame in set.Walking(height, framesPerClip, clip))
                    {
                        using (frame)
                        {
                            var start = ThreadCpu.Nanoseconds();
                            using var alpha = alphaOf(frame);
                            cpuNs += ThreadCpu.Nanoseconds() - start;
                            iou += MaskScores.Iou(alpha, frame.Truth);
                            kept += MaskScores.KeptShare(alpha);
                            frames++;
                            foreach (var box in frame.Boxes)
                            {
                                people++;
                                lost += MaskScores.KeptShareOfTruth(alpha, frame.Truth, box) < LostBelow ? 1 : 0;
                            }
                        }
                    }
                }
                rows.Add(new WalkingRow(method.Name, height, frames, iou / frames, kept / frames, people == 0 ? 0 : lost / (double)people, cpuNs / 1e6 / frames));
            }
        }
        return rows;
    }
}

/// <summary>One method's scores on one height's walking clips (height 0: the scenes with nobody).</summary>
public sealed record WalkingRow(string Method, double Height, int Frames, double Iou, double KeptShare, double LostShare, double CpuMsPerFrame);
