using SparkVideo.ChildProcesses;
using SparkVideo.Testing;

namespace SparkWorker.Tests.Support;

/// <summary>One real 640x480 camera frame (the sample video's first), as the UDF receives it.</summary>
internal static class RealFrame
{
    public const int Width = 640;
    public const int Height = 480;

    private static readonly Lazy<byte[]> JpegBytes = new(() => VideoJpegs.Encode(RepoPaths.PeopleWalkingVideo, Width, Height, maxFrames: 1)[0]);

    public static byte[] Jpeg => JpegBytes.Value;

    public static string Base64 => Convert.ToBase64String(Jpeg);

    /// <summary>A capture time a moment ago, as the camera server stamps it.</summary>
    public static double Timestamp => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 - 0.5;
}
