using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Testing;

namespace SparkVideo.Reliability.Tests.Support;

/// <summary>Real JPEG frames: the first frames of samples/people_walking.mp4, encoded once per test run.</summary>
public static class SampleFrames
{
    public const int Width = 640;
    public const int Height = 480;
    private const int Count = 8;

    private static readonly Lazy<IReadOnlyList<byte[]>> Encoded = new(EncodeFromVideo);

    /// <summary>JPEG bytes of video frame <paramref name="index"/> (modulo the frames kept).</summary>
    public static byte[] Jpeg(int index) => Encoded.Value[index % Count];

    /// <summary>A valid wire line (with its "\n") carrying frame <paramref name="index"/> at <paramref name="timestamp"/>.</summary>
    public static byte[] Line(double timestamp, int index = 0) =>
        FrameLine.ToBytes(FrameCodec.FromJpeg(timestamp, Width, Height, Jpeg(index)));

    /// <summary>A capture timestamp a little before now whose millisecond is unambiguous (n + 0.5 ms).</summary>
    public static double Timestamp(long baseMillis, int offsetMillis) => (baseMillis + offsetMillis + 0.5) / 1000.0;

    /// <summary>A base for <see cref="Timestamp"/>: now minus a minute, so every derived timestamp is in the past.</summary>
    public static long BaseMillis() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000;

    private static IReadOnlyList<byte[]> EncodeFromVideo() =>
        VideoJpegs.Encode(RepoPaths.PeopleWalkingVideo, Width, Height, maxFrames: Count, minFrames: Count);
}
