using OpenCvSharp;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// Turns a model-size probability mask into a composite of the frame over a solid background, in bytes: the mask
/// becomes an 8-bit α once, at the model size, is resized once to the frame size, and the blend is integer SIMD
/// (<see cref="ByteAlphaBlend"/>). No full-frame float image is made.
/// </summary>
internal static class MaskCompositor
{
    /// <summary>Bilinear upsample of a CV_32FC1 mask to the frame size (the soft mask of the other modes and the edge refinements).</summary>
    public static void UpsampleMask(Mat mask, Size frameSize, Mat frameMask) =>
        Cv2.Resize(mask, frameMask, frameSize, 0, 0, InterpolationFlags.Linear);

    /// <summary>A CV_32FC1 probability mask (any size) → a CV_8UC1 α of <paramref name="frameSize"/>, α = p · 255, bilinear.</summary>
    public static void FrameAlpha(Mat mask, Size frameSize, Mat alpha, CompositeScratch scratch)
    {
        mask.ConvertTo(scratch.ModelAlpha, MatType.CV_8UC1, 255.0);
        Cv2.Resize(scratch.ModelAlpha, alpha, frameSize, 0, 0, InterpolationFlags.Linear);
    }

    /// <summary>
    /// output = frame · α + background · (1 − α), rounded to the nearest level, where α is the frame-size CV_8UC1
    /// <paramref name="frameAlpha"/> (soft, for a null <paramref name="threshold"/>), or that α cut to 0/255 at the
    /// threshold with an anti-aliased edge (<see cref="HardMask"/>). Allocates nothing once <paramref name="scratch"/> and <paramref name="output"/>
    /// have seen a frame of this size.
    /// </summary>
    public static void Composite(Mat bgrFrame, Mat frameAlpha, Scalar backgroundBgr, float? threshold, Mat output, CompositeScratch scratch)
    {
        var size = bgrFrame.Size();
        if (bgrFrame.Type() != MatType.CV_8UC3 || frameAlpha.Type() != MatType.CV_8UC1 || frameAlpha.Size() != size)
        {
            throw new ArgumentException(
                $"expected a CV_8UC3 frame and a CV_8UC1 alpha of its size, " +
                $"got {bgrFrame.Type()} {size} and {frameAlpha.Type()} {frameAlpha.Size()}");
        }
        var alpha = Continuous(frameAlpha, scratch.AlphaCopy);
        if (threshold is { } t)
        {
            HardMask.Cut(alpha, t, 255.0, scratch.Thresholded);
            alpha = scratch.Thresholded;
        }
        var frame = Continuous(bgrFrame, scratch.FrameCopy);
        output.Create(size, MatType.CV_8UC3);
        ByteAlphaBlend.Blend(frame.AsSpan<byte>(), alpha.AsSpan<byte>(),
            (byte)backgroundBgr.Val0, (byte)backgroundBgr.Val1, (byte)backgroundBgr.Val2, output.AsSpan<byte>());
    }

    /// <summary>The same with throw-away working images, for one-off use.</summary>
    public static void Composite(Mat bgrFrame, Mat frameAlpha, Scalar backgroundBgr, float? threshold, Mat output)
    {
        using var scratch = new CompositeScratch();
        Composite(bgrFrame, frameAlpha, backgroundBgr, threshold, output, scratch);
    }

    /// <summary>A view of a sub-image is not one run of bytes: such an image is copied first.</summary>
    private static Mat Continuous(Mat image, Mat copy)
    {
        if (image.IsContinuous())
        {
            return image;
        }
        image.CopyTo(copy);
        return copy;
    }
}
