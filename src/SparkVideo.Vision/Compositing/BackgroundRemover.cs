using OpenCvSharp;

namespace SparkVideo.Vision;

/// <summary>
/// JPEG in, JPEG out: the person kept, the background replaced by a solid colour. A pure function of its
/// inputs; safe to call from several threads at once (the <see cref="Segmenter"/> is thread-safe and every
/// other buffer is per call).
/// </summary>
public sealed class BackgroundRemover
{
    private readonly Segmenter _segmenter;
    private readonly BackgroundRemovalOptions _options;
    private readonly Scalar _backgroundBgr;

    public BackgroundRemover(Segmenter segmenter, BackgroundRemovalOptions options)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _segmenter = segmenter;
        _options = options;
        _backgroundBgr = new Scalar(options.BackgroundBlue, options.BackgroundGreen, options.BackgroundRed);
    }

    /// <summary>Decodes, segments, composites and re-encodes one frame; throws <see cref="InvalidFrameException"/> for bad bytes.</summary>
    public byte[] Remove(ReadOnlySpan<byte> jpeg, int expectedWidth, int expectedHeight)
    {
        using var frame = JpegFrameCodec.Decode(jpeg, expectedWidth, expectedHeight);
        using var output = new Mat();
        Remove(frame, output);
        return JpegFrameCodec.Encode(output, _options.JpegQuality);
    }

    /// <summary>The same on decoded frames: a BGR CV_8UC3 frame in, a BGR frame of the same size out.</summary>
    public void Remove(Mat bgrFrame, Mat output)
    {
        using var mask = new Mat();
        _segmenter.Segment(bgrFrame, mask);
        using var frameMask = new Mat();
        MaskCompositor.UpsampleMask(mask, bgrFrame.Size(), frameMask);
        MaskCompositor.Composite(bgrFrame, frameMask, _backgroundBgr, _options.Threshold, output);
    }
}
