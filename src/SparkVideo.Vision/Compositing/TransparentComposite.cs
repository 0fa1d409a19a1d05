using OpenCvSharp;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// The transparent mode's output: the frame's own colours with the mask as alpha (BGRA, CV_8UC4; 0 = background,
/// 255 = person), encoded as PNG, the one common format with an alpha channel that every viewer and editor reads.
/// </summary>
internal static class TransparentComposite
{
    /// <summary>zlib level 1 with run-length matching only (Z_RLE): the fastest deflate that still shrinks the flat, transparent background.</summary>
    private const int PngCompression = 1;

    public static void Composite(Mat bgrFrame, Mat alpha, Mat output, ModeScratch scratch)
    {
        alpha.ConvertTo(scratch.Alpha8, MatType.CV_8UC1, 255.0);
        output.Create(bgrFrame.Size(), MatType.CV_8UC4);
        Cv2.MixChannels([bgrFrame, scratch.Alpha8], [output], [0, 0, 1, 1, 2, 2, 3, 3]);
    }

    public static byte[] EncodePng(Mat bgra)
    {
        Cv2.ImEncode(".png", bgra, out var bytes,
            new ImageEncodingParam(ImwriteFlags.PngCompression, PngCompression), new ImageEncodingParam(ImwriteFlags.PngStrategy, (int)ImwritePNGFlags.StrategyRLE));
        return bytes;
    }
}
