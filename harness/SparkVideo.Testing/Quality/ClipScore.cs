using OpenCvSharp;

namespace SparkVideo.Testing.Quality;

/// <summary>
/// One clip's frames scored in order against their exact masks: mean IoU, the share of the frame kept, and how often a
/// person is lost (less than <see cref="LostBelow"/> of their pixels kept in a frame).
/// </summary>
public sealed record ClipScore(int Frames, double IouSum, double KeptSum, int PersonFrames, int Lost)
{
    /// <summary>A person counts as lost in a frame when less than this share of their true pixels is kept.</summary>
    public const double LostBelow = 0.5;

    public double MeanIou => IouSum / Frames;

    public double MeanKept => KeptSum / Frames;

    /// <summary>The share of person-frames in which the person was lost (0 with nobody in the clip).</summary>
    public double LostShare => PersonFrames == 0 ? 0 : Lost / (double)PersonFrames;

    /// <summary>Scores each frame's alpha (CV_8UC1, what a transparent background keeps) in order, disposing the frames.</summary>
    public static ClipScore Of(IEnumerable<GroundTruthFrame> frames, Func<GroundTruthFrame, Mat> alphaOf)
    {
        var score = new ClipScore(0, 0, 0, 0, 0);
        foreach (var frame in frames)
        {
            using (frame)
            using (var alpha = alphaOf(frame))
            {
                var lost = frame.Boxes.Count(box => MaskScores.KeptShareOfTruth(alpha, frame.Truth, box) < LostBelow);
                score += new ClipScore(1, MaskScores.Iou(alpha, frame.Truth), MaskScores.KeptShare(alpha), frame.Boxes.Count, lost);
            }
        }
        return score;
    }

    public static ClipScore operator +(ClipScore a, ClipScore b) =>
        new(a.Frames + b.Frames, a.IouSum + b.IouSum, a.KeptSum + b.KeptSum, a.PersonFrames + b.PersonFrames, a.Lost + b.Lost);
}
