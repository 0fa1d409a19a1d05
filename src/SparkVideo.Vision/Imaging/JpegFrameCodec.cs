using OpenCvSharp;
using SparkVideo.Frames;

namespace SparkVideo.Vision.Imaging;

/// <summary>JPEG decode with the size checked before any pixel is allocated, and JPEG encode.</summary>
public static class JpegFrameCodec
{
    /// <summary>Decodes a BGR frame; throws <see cref="InvalidFrameException"/> saying what is wrong with the bytes.</summary>
    public static Mat Decode(ReadOnlySpan<byte> jpeg, int expectedWidth, int expectedHeight)
    {
        if (!JpegHeader.TryReadSize(jpeg, out var width, out var height, out var error))
        {
            throw new InvalidFrameException(error ?? "not a JPEG");
        }
        if (width != expectedWidth || height != expectedHeight)
        {
            throw new InvalidFrameException($"wrong size: JPEG is {width}x{height}, expected {expectedWidth}x{expectedHeight}");
        }
        return DecodeOfHeaderSize(jpeg, width, height);
    }

    /// <summary>Decodes a validated frame's JPEG, whose header the validator has read: it is not read again.</summary>
    public static Mat Decode(ValidatedJpeg jpeg) => DecodeOfHeaderSize(jpeg.Span, jpeg.Width, jpeg.Height);

    private static Mat DecodeOfHeaderSize(ReadOnlySpan<byte> jpeg, int width, int height)
    {
        if (jpeg[^2] != 0xFF || jpeg[^1] != 0xD9)
        {
            throw new InvalidFrameException("truncated JPEG (no end-of-image marker)");
        }
        var frame = Cv2.ImDecode(jpeg, ImreadModes.Color);
        if (frame.Empty() || frame.Width != width || frame.Height != height)
        {
            frame.Dispose();
            throw new InvalidFrameException("corrupt JPEG (decoding failed)");
        }
        return frame;
    }

    public static byte[] Encode(Mat bgrFrame, int quality)
    {
        Cv2.ImEncode(".jpg", bgrFrame, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        return bytes;
    }
}
