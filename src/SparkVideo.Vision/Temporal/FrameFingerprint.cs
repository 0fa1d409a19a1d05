using OpenCvSharp;

namespace SparkVideo.Vision.Temporal;

/// <summary>
/// A frame made small and gray (32x24 cells, each the mean of its pixels): cheap to make (one area resize) and to
/// compare, and blind to sensor noise, which averages out over a cell's hundreds of pixels, while a person who
/// moves changes the cells they cross by tens of levels.
/// </summary>
public sealed class FrameFingerprint : IDisposable
{
    public const int Width = 32, Height = 24;

    private readonly Mat _small = new();
    private readonly Mat _gray = new(Height, Width, MatType.CV_8UC1);
    private readonly Mat _difference = new();

    /// <summary>Overwrites this fingerprint with that of a BGR frame.</summary>
    public void Take(Mat bgrFrame)
    {
        Cv2.Resize(bgrFrame, _small, new Size(Width, Height), 0, 0, InterpolationFlags.Area);
        Cv2.CvtColor(_small, _gray, ColorConversionCodes.BGR2GRAY);
    }

    /// <summary>
    /// The largest difference of one cell between the two fingerprints, in gray levels: the largest, not the mean, so a
    /// small person moving in a large still picture counts. Not thread-safe (it reuses this fingerprint's scratch image).
    /// </summary>
    public double Difference(FrameFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Cv2.Absdiff(_gray, other._gray, _difference);
        Cv2.MinMaxLoc(_difference, out _, out double max);
        return max;
    }

    public void CopyTo(FrameFingerprint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _gray.CopyTo(target._gray);
    }

    public void Dispose()
    {
        _small.Dispose();
        _gray.Dispose();
        _difference.Dispose();
    }
}
