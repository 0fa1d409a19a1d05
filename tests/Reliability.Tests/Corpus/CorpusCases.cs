using System.Globalization;
using System.Text;
using SparkVideo.Frames;
using SparkVideo.Testing;

namespace SparkVideo.Reliability.Tests.Corpus;

/// <summary>
/// The bad-input corpus, built in code from a real JPEG (frame 0 of samples/people_walking.mp4) so that every
/// binary case is derived from real bytes. Each case has its own timestamp offset, so no two frames collide
/// unless a case means them to. See README.md in this folder for the table and the caps.
/// </summary>
public static class CorpusCases
{
    private const int W = SampleFrames.Width;
    private const int H = SampleFrames.Height;

    // The filter's reasons come from from_json's result: what Spark calls a malformed record (not JSON, not an object,
    // a field of the wrong type), or an object without frame_data. Spark cannot tell a missing field from a null one.
    private const string Malformed = "malformed record";
    private const string NoFrameData = "field 'frame_data' is missing or null";

    public static IReadOnlyList<CorpusCase> Build(long baseMillis)
    {
        var jpeg = SampleFrames.Jpeg(0);
        var b64 = Convert.ToBase64String(jpeg);
        var offset = 1000;
        string Ts() => Num(SampleFrames.Timestamp(baseMillis, offset += 10));
        var farFuture = Num(DateTimeOffset.UtcNow.AddDays(3).ToUnixTimeMilliseconds() / 1000.0);
        var duplicate = SampleFrames.Timestamp(baseMillis, offset += 10);

        return
        [
            Rejected("malformed JSON (cut mid-object)", $"{{\"timestamp\": {Ts()}, \"frame_width\": 640, \"frame_he", Malformed),
            Rejected("not a JSON object (array)", $"[{Ts()}, 640, 480]", Malformed),
            Rejected("plain text", "hello camera", Malformed),
            Rejected("missing frame_data", $"{{\"timestamp\":{Ts()},\"frame_width\":{W},\"frame_height\":{H}}}", NoFrameData),
            // from_json makes a missing or mistyped number null; the UDF takes nullable numbers and names the field.
            Rejected("missing timestamp", $"{{\"frame_width\":{W},\"frame_height\":{H},\"frame_data\":\"{b64}\"}}", "field 'timestamp' is missing or not a number"),
            Rejected("missing frame_width", $"{{\"timestamp\":{Ts()},\"frame_height\":{H},\"frame_data\":\"{b64}\"}}", "field 'frame_width' is missing or not a number"),
            Rejected("frame_data null", $"{{\"timestamp\":{Ts()},\"frame_width\":{W},\"frame_height\":{H},\"frame_data\":null}}", NoFrameData),
            // One parse, one set of rules: the extra field is ignored here as it is in a frame (from_json's rules).
            Rejected("frame_data null beside an extra field", $"{{\"timestamp\":{Ts()},\"frame_width\":{W},\"frame_height\":{H},\"frame_data\":null,\"camera\":\"lobby\"}}", NoFrameData),
            Rejected("frame_width as a string", Frame(Ts(), "\"640\"", $"{H}", Quote(b64)), "field 'frame_width' is missing or not a number"),
            Rejected("timestamp as a word", Frame("\"yesterday\"", $"{W}", $"{H}", Quote(b64)), "field 'timestamp' is missing or not a number"),
            Rejected("frame_data as a number", Frame(Ts(), $"{W}", $"{H}", "12345"), "frame_data is not valid base64"),
            Rejected("empty line", "", "empty line"),
            Rejected("whitespace-only line", "   \t ", "empty line"),
            Rejected("bare NaN timestamp (JSON extension Spark accepts)", Frame("NaN", $"{W}", $"{H}", Quote(b64)), "timestamp is not a finite number"),
            Rejected("\"NaN\" string timestamp (Spark reads it as NaN)", Frame("\"NaN\"", $"{W}", $"{H}", Quote(b64)), "timestamp is not a finite number"),
            Rejected("negative timestamp", Frame("-1767668128.5", $"{W}", $"{H}", Quote(b64)), "timestamp must be positive"),
            Rejected("timestamp 5 (1970), e.g. a repeated key where the last one wins", $"{{\"timestamp\":{Ts()},\"frame_width\":{W},\"frame_height\":{H},\"frame_data\":\"{b64}\",\"timestamp\":5}}", "timestamp is before 2000-01-01"),
            Rejected("far-future timestamp", Frame(farFuture, $"{W}", $"{H}", Quote(b64)), "timestamp is in the far future"),
            Rejected("1e300 timestamp (no odd file name)", Frame("1e300", $"{W}", $"{H}", Quote(b64)), "timestamp is in the far future"),
            Rejected("invalid base64", Frame(Ts(), $"{W}", $"{H}", Quote("!!not*base64!!")), "frame_data is not valid base64"),
            Rejected("path traversal in frame_data", Frame(Ts(), $"{W}", $"{H}", Quote("../../etc/passwd")), "frame_data is not valid base64"),
            Rejected("bytes that are not a JPEG", Frame(Ts(), $"{W}", $"{H}", Quote(Convert.ToBase64String(Encoding.ASCII.GetBytes("GIF89a definitely not a jpeg")))), "not a JPEG (no SOI marker)"),
            Rejected("JPEG cut before its frame header", Frame(Ts(), $"{W}", $"{H}", Quote(Convert.ToBase64String(jpeg.AsSpan(0, 40)))), "truncated JPEG (no frame header)"),
            Rejected("JPEG cut in half", Frame(Ts(), $"{W}", $"{H}", Quote(Convert.ToBase64String(jpeg.AsSpan(0, jpeg.Length / 2)))), "truncated JPEG (no end-of-image marker)"),
            Rejected("decompression bomb (header says 60000x60000)", Frame(Ts(), $"{W}", $"{H}", Quote(Convert.ToBase64String(JpegBytes.WithDeclaredSize(jpeg, 60000, 60000)))), "JPEG is 60000x60000 but the frame declares 640x480"),
            Rejected("decompression bomb declared on the wire too", Frame(Ts(), "60000", "60000", Quote(Convert.ToBase64String(JpegBytes.WithDeclaredSize(jpeg, 60000, 60000)))), "frame size 60000x60000 is outside"),
            Rejected("frame size disagrees with the JPEG", Frame(Ts(), "320", "240", Quote(b64)), "JPEG is 640x480 but the frame declares 320x240"),
            Rejected("zero frame size", Frame(Ts(), "0", "0", Quote(b64)), "frame size 0x0 is outside"),
            Rejected("non-UTF-8 bytes inside frame_data", Concat(Encoding.ASCII.GetBytes($"{{\"timestamp\":{Ts()},\"frame_width\":{W},\"frame_height\":{H},\"frame_data\":\"/9j/"), [0xC3, 0x28, 0xFF, 0xFE], Encoding.ASCII.GetBytes("\"}\n")), "frame_data is not valid base64"),
            Rejected("non-UTF-8 garbage line", Concat([0xFF, 0xFE, 0xFD, 0x00, 0x80, 0x81], "\n"u8.ToArray()), Malformed),
            Processed("extra field (ignored, as Spark's from_json does)", Encoding.UTF8.GetBytes($"{{\"timestamp\":{Ts()},\"frame_width\":{W},\"frame_height\":{H},\"frame_data\":\"{b64}\",\"camera\":\"lobby\"}}\n"), 1),
            Processed("\\r\\n line ending", Encoding.UTF8.GetBytes(Frame(Ts(), $"{W}", $"{H}", Quote(b64)) + "\r\n"), 1),
            Processed("two frames in the same millisecond (both kept, distinct files)", Concat(SampleFrames.Line(duplicate, 1), SampleFrames.Line(duplicate, 2)), 2),
        ];
    }

    private static CorpusCase Rejected(string name, string line, string reason) =>
        new(name, Encoding.UTF8.GetBytes(line + "\n"), Outcome.Rejected, reason);

    private static CorpusCase Rejected(string name, byte[] bytes, string reason) =>
        new(name, bytes, Outcome.Rejected, reason);

    private static CorpusCase Processed(string name, byte[] bytes, int frames) =>
        new(name, bytes, Outcome.Processed, Frames: frames);

    private static string Frame(string timestamp, string width, string height, string data) =>
        $"{{\"{FrameContract.Timestamp}\":{timestamp},\"{FrameContract.FrameWidth}\":{width},\"{FrameContract.FrameHeight}\":{height},\"{FrameContract.FrameData}\":{data}}}";

    private static string Quote(string text) => "\"" + text + "\"";

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
