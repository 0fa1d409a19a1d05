using System.Diagnostics.CodeAnalysis;

namespace SparkVideo.Frames;

/// <summary>
/// Reads a JPEG's declared size from its SOF marker without decoding the image, so that a
/// decompression bomb (a tiny file declaring a huge image) is refused before any pixel is allocated.
/// </summary>
public static class JpegHeader
{
    /// <summary>Returns false with a reason when the bytes are not a JPEG or end before the frame header.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> jpeg, out int width, out int height, [NotNullWhen(false)] out string? error)
    {
        width = height = 0;
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            error = "not a JPEG (no SOI marker)";
            return false;
        }

        var pos = 2;
        while (pos + 4 <= jpeg.Length)
        {
            if (jpeg[pos] != 0xFF)
            {
                error = $"corrupt JPEG (expected a marker at byte {pos})";
                return false;
            }
            var marker = jpeg[pos + 1];
            if (marker == 0xFF)
            {
                pos++; // fill byte
                continue;
            }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                pos += 2; // markers without a length
                continue;
            }
            var length = (jpeg[pos + 2] << 8) | jpeg[pos + 3];
            if (length < 2)
            {
                error = "corrupt JPEG (bad segment length)";
                return false;
            }
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (pos + 9 > jpeg.Length)
                {
                    break;
                }
                height = (jpeg[pos + 5] << 8) | jpeg[pos + 6];
                width = (jpeg[pos + 7] << 8) | jpeg[pos + 8];
                error = null;
                return true;
            }
            if (marker is 0xD9 or 0xDA)
            {
                break; // end of image or start of scan before any frame header
            }
            pos += 2 + length;
        }

        error = "truncated JPEG (no frame header)";
        return false;
    }
}
