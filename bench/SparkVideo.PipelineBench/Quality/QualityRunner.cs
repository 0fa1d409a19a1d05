using OpenCvSharp;
using SparkVideo.Testing.Quality;

namespace SparkVideo.PipelineBench.Quality;

/// <summary>Scores methods on the ground-truth composites, per height bucket, with the CPU each frame cost the calling thread.</summary>
public static class QualityRunner
{
    public static List<QualityRow> Score(IReadOnlyList<QualityMethod> methods, IReadOnlyList<GroundTruthFrame> frames)
    {
        var rows = new List<QualityRow>();
        foreach (var method in methods)
        {
            using (method.Alpha(frames[0]))
            {
                // Warm-up: the first inference of a session is slow.
            }
            var scored = new List<(double Height, double Iou, double Soft, double Boundary, double Kept, double Opacity, double CpuMs)>();
            foreach (var frame in frames)
            {
                var start = ThreadCpu.Nanoseconds();
                using var alpha = method.Alpha(frame);
                var cpuMs = (ThreadCpu.Nanoseconds() - start) / 1e6;
                scored.Add((frame.PersonHeight, MaskScores.Iou(alpha, frame.Truth), MaskScores.SoftIou(alpha, frame.Truth),
                    MaskScores.BoundaryIou(alpha, frame.Truth), MaskScores.KeptShare(alpha), MaskScores.KeptOpacity(alpha), cpuMs));
            }
            foreach (var bucket in scored.GroupBy(s => s.Height).OrderByDescending(g => g.Key))
            {
                rows.Add(new QualityRow(method.Name, bucket.Key, bucket.Count(), bucket.Average(s => s.Iou), bucket.Average(s => s.Soft),
                    bucket.Average(s => s.Boundary), bucket.Average(s => s.Kept), bucket.Average(s => s.Opacity), bucket.Average(s => s.CpuMs)));
            }
        }
        return rows;
    }

    /// <summary>The alpha channel of a BGRA output.</summary>
    public static Mat AlphaOf(Mat bgra) => bgra.ExtractChannel(3);
}
