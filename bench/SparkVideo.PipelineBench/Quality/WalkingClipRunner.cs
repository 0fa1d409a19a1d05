using SparkVideo.Testing.Quality;

namespace SparkVideo.PipelineBench.Quality;

/// <summary>
/// Scores methods on walking clips (<see cref="GroundTruthSet.Walking"/>), frame by frame in order, per person height
/// (<see cref="ClipScore"/>), with the CPU each frame cost the calling thread; height 0: clips of the scenes with nobody.
/// </summary>
public static class WalkingClipRunner
{
    public static List<WalkingRow> Score(IReadOnlyList<ClipMethod> methods, GroundTruthSet set, int clipsPerHeight, int framesPerClip)
    {
        var rows = new List<WalkingRow>();
        foreach (var method in methods)
        {
            foreach (var height in GroundTruthSet.Heights.Append(0))
            {
                var (score, cpuNs) = (new ClipScore(0, 0, 0, 0, 0), 0L);
                for (var clip = 0; clip < clipsPerHeight; clip++)
                {
                    var alphaOf = method.StartClip();
                    score += ClipScore.Of(set.Walking(height, framesPerClip, clip), frame =>
                    {
                        var start = ThreadCpu.Nanoseconds();
                        var alpha = alphaOf(frame);
                        cpuNs += ThreadCpu.Nanoseconds() - start;
                        return alpha;
                    });
                }
                rows.Add(new WalkingRow(method.Name, height, score.Frames, score.MeanIou, score.MeanKept, score.LostShare, cpuNs / 1e6 / score.Frames));
            }
        }
        return rows;
    }
}

/// <summary>One method's scores on one height's walking clips (height 0: the scenes with nobody).</summary>
public sealed record WalkingRow(string Method, double Height, int Frames, double Iou, double KeptShare, double LostShare, double CpuMsPerFrame);
