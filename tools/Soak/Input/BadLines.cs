using System.Globalization;
using System.Text;
using SparkVideo.Frames;
using SparkVideo.Testing;

namespace SparkVideo.Soak.Input;

/// <summary>
/// Bad lines of varied kinds, each of which the job must reject exactly once (one rejects.log line). Over-long
/// lines are left out on purpose: the socket source drops those before the job sees them (counted separately).
/// </summary>
public sealed class BadLines(SampleVideo video)
{
    public static readonly string[] Kinds =
    [
        "malformed JSON", "missing field", "wrong type", "empty line", "non-UTF-8", "invalid base64", "not a JPEG",
        "truncated JPEG", "decompression bomb", "size mismatch", "negative timestamp", "far-future timestamp", "NaN timestamp",
    ];

    /// <summary>The bytes of a bad line of kind <paramref name="kind"/> (an index into <see cref="Kinds"/>), "\n" included.</summary>
    public byte[] Make(int kind, double timestamp)
    {
        var jpeg = video.Jpegs[0];
        var ts = timestamp.ToString("R", CultureInfo.InvariantCulture);
        var b64 = video.Base64[0];
        return Kinds[kind] switch
        {
            "malformed JSON" => Line($"{{\"timestamp\": {ts}, \"frame_width\": 640, \"frame_he"),
            "missing field" => Line($"{{\"timestamp\":{ts},\"frame_width\":640,\"frame_height\":480}}"),
            "wrong type" => Line(Frame(ts, "\"640\"", "480", b64)),
            "empty line" => "\n"u8.ToArray(),
            "non-UTF-8" => [0xFF, 0xFE, 0x80, 0xC3, 0x28, (byte)'\n'],
            "invalid base64" => Line(Frame(ts, "640", "480", "../../not base64!")),
            "not a JPEG" => Line(Frame(ts, "640", "480", Convert.ToBase64String("GIF89a not a jpeg"u8))),
            "truncated JPEG" => Line(Frame(ts, "640", "480", Convert.ToBase64String(jpeg.AsSpan(0, jpeg.Length / 2)))),
            "decompression bomb" => Line(Frame(ts, "640", "480", Convert.ToBase64String(JpegBytes.WithDeclaredSize(jpeg, 60000, 60000)))),
            "size mismatch" => Line(Frame(ts, "320", "240", b64)),
            "negative timestamp" => Line(Frame("-" + ts, "640", "480", b64)),
            "far-future timestamp" => Line(Frame("1e300", "640", "480", b64)),
            "NaN timestamp" => Line(Frame("\"NaN\"", "640", "480", b64)),
            var other => throw new ArgumentOutOfRangeException(nameof(kind), other, "unknown bad line kind"),
        };
    }

    private static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    private static string Frame(string timestamp, string width, string height, string data) =>
        $"{{\"{FrameContract.Timestamp}\":{timestamp},\"{FrameContract.FrameWidth}\":{width},\"{FrameContract.FrameHeight}\":{height},\"{FrameContract.FrameData}\":\"{data}\"}}";
}
