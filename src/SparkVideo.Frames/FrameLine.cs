using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace SparkVideo.Frames;

/// <summary>
/// The one writer of a frame's contract line: the JSON object and its newline, the bytes every producer sends (the
/// camera server, the bench's and the soak's cameras, the tests) and <see cref="FrameCodec.TryParse"/> reads.
/// <see cref="Write"/> encodes the JPEG straight into the caller's buffer, with no string made (the camera server);
/// <see cref="ToBytes"/> writes a frame whose JPEG is already base64.
/// </summary>
public static class FrameLine
{
    // Newtonsoft writes a double as its shortest round-trip form ("R") and appends ".0" when that has no '.' or exponent.
    private const string TimestampFormat = "R";
    private const int MaxNumberBytes = 32;

    private static readonly byte[] TimestampPrefix = Ascii($"{{\"{FrameContract.Timestamp}\":");
    private static readonly byte[] WidthPrefix = Ascii($",\"{FrameContract.FrameWidth}\":");
    private static readonly byte[] HeightPrefix = Ascii($",\"{FrameContract.FrameHeight}\":");
    private static readonly byte[] DataPrefix = Ascii($",\"{FrameContract.FrameData}\":\"");
    private static readonly byte[] Suffix = Ascii("\"}\n");
    private static readonly SearchValues<char> Base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    /// <summary>The most bytes <see cref="Write"/> needs for a JPEG of <paramref name="jpegLength"/> bytes.</summary>
    public static int MaxLength(int jpegLength) =>
        TimestampPrefix.Length + WidthPrefix.Length + HeightPrefix.Length + DataPrefix.Length + Suffix.Length +
        3 * MaxNumberBytes + Base64.GetMaxEncodedToUtf8Length(jpegLength);

    /// <summary>Writes the line (newline included) at the start of <paramref name="destination"/>; returns its length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is not finite.</exception>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="MaxLength"/>.</exception>
    public static int Write(Span<byte> destination, double timestamp, int width, int height, ReadOnlySpan<byte> jpeg)
    {
        if (!double.IsFinite(timestamp))
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, "a frame's timestamp is a finite number of seconds");
        }
        if (destination.Length < MaxLength(jpeg.Length))
        {
            throw new ArgumentException($"the line needs up to {MaxLength(jpeg.Length)} bytes", nameof(destination));
        }
        var at = WriteHead(destination, timestamp, width, height);
        Base64.EncodeToUtf8(jpeg, destination[at..], out _, out var written);
        return Put(destination, at + written, Suffix);
    }

    /// <summary>The line (newline included) of a frame whose <see cref="FrameMessage.FrameData"/> is already base64.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is not finite.</exception>
    /// <exception cref="ArgumentException">The frame data has a character outside the base64 alphabet.</exception>
    public static byte[] ToBytes(FrameMessage frame)
    {
        if (!double.IsFinite(frame.Timestamp))
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame.Timestamp, "a frame's timestamp is a finite number of seconds");
        }
        // Base64's alphabet needs no JSON escape, so the text is copied as it is.
        if (frame.FrameData.AsSpan().ContainsAnyExcept(Base64Alphabet))
        {
            throw new ArgumentException("a frame's data is base64 text", nameof(frame));
        }
        var buffer = new byte[MaxLength(0) + frame.FrameData.Length];
        var at = WriteHead(buffer, frame.Timestamp, frame.FrameWidth, frame.FrameHeight);
        at += System.Text.Encoding.ASCII.GetBytes(frame.FrameData, buffer.AsSpan(at));
        at = Put(buffer, at, Suffix);
        return buffer[..at];
    }

    private static int WriteHead(Span<byte> destination, double timestamp, int width, int height)
    {
        var at = Put(destination, 0, TimestampPrefix);
        at += Number(destination[at..], timestamp);
        at = Put(destination, at, WidthPrefix);
        at += Number(destination[at..], width);
        at = Put(destination, at, HeightPrefix);
        at += Number(destination[at..], height);
        return Put(destination, at, DataPrefix);
    }

    private static int Number(Span<byte> destination, double value)
    {
        value.TryFormat(destination, out var written, TimestampFormat, CultureInfo.InvariantCulture);
        if (destination[..written].IndexOfAny(".Ee"u8) < 0)
        {
            written = Put(destination, written, ".0"u8);
        }
        return written;
    }

    private static int Number(Span<byte> destination, int value)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    private static int Put(Span<byte> destination, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[at..]);
        return at + bytes.Length;
    }

    private static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);
}
