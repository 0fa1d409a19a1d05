using System.Buffers.Binary;
using OpenCvSharp;
using SparkVideo.Frames;

namespace SparkVideo.Vision.Compositing.Backgrounds;

/// <summary>Decodes the image mode's picture to BGR, refusing one whose header declares more than 8192 pixels a side.</summary>
internal static class BackgroundImageDecoder
{
    public const int MaxSide = 8192;

    /// <summary>The picture as BGR CV_8UC3, or null when it is not a PNG or JPEG that decodes within the size cap.</summary>
    public static Mat? Decode(byte[] encoded)
    {
        if (!TryReadSize(encoded, out var width, out var height) || width < 1 || height < 1 || width > MaxSide || height > MaxSide)
        {
            return null;
        }
        var image = Cv2.ImDecode(encoded, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            return null;
        }
        return image;
    }

    private static bool TryReadSize(byte[] encoded, out int width, out int height)
    {
        // PNG: the signature, then IHDR, whose first fields are the width and height (big-endian).
        if (encoded.Length >= 24 && encoded.AsSpan(0, 4).SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            width = BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(16, 4));
            height = BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(20, 4));
            return true;
        }
        return JpegHeader.TryReadSize(encoded, out width, out height, out _);
    }
}
