namespace SparkVideo.FramesToVideo;

/// <summary>The camera's rate read from its frames' capture times: the median gap between consecutive frames.</summary>
public static class FrameRate
{
    /// <summary>Used when the frames say nothing (one frame, or every frame in the same millisecond).</summary>
    public const double Fallback = 10.0;

    public const double Max = 240.0;

    /// <summary>Frames per second, or null when the capture times give no gap to measure.</summary>
    public static double? FromCaptureTimes(IReadOnlyList<FrameFile> frames)
    {
        var gaps = frames.Zip(frames.Skip(1), (a, b) => b.CaptureMs - a.CaptureMs).Where(gap => gap > 0).Order().ToArray();
        if (gaps.Length == 0)
        {
            return null;
        }
        // The median, not the mean: a camera that paused (a consumer that reconnected) leaves one long gap.
        var median = gaps.Length % 2 == 1 ? gaps[gaps.Length / 2] : (gaps[(gaps.Length / 2) - 1] + gaps[gaps.Length / 2]) / 2.0;
        return Math.Clamp(Math.Round(1000.0 / median, 2), 0.1, Max);
    }
}
