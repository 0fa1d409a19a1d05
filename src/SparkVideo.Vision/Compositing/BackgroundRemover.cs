using System.Collections.Concurrent;
using OpenCvSharp;
using SparkVideo.Frames;

namespace SparkVideo.Vision;

/// <summary>
/// JPEG in, JPEG out: the person kept, the background replaced by a solid colour. A pure function of its
/// inputs; safe to call from several threads at once: the <see cref="Segmenter"/> is thread-safe, and each
/// concurrent call borrows its own working images from a pool, so steady-state frames allocate no image memory.
/// </summary>
public sealed class BackgroundRemover : IDisposable
{
    private readonly Segmenter _segmenter;
    private readonly BackgroundRemovalOptions _options;
    private readonly Scalar _backgroundBgr;
    private readonly ConcurrentBag<RemoverBuffers> _pool = [];

    public BackgroundRemover(Segmenter segmenter, BackgroundRemovalOptions options)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _segmenter = segmenter;
        _options = options;
        _backgroundBgr = new Scalar(options.BackgroundBlue, options.BackgroundGreen, options.BackgroundRed);
    }

    /// <summary>
    /// Decodes, segments, composites and re-encodes one frame; throws <see cref="InvalidFrameException"/> for bad bytes.
    /// <paramref name="stages"/>, when given, is told each stage's time.
    /// </summary>
    public byte[] Remove(ReadOnlySpan<byte> jpeg, int expectedWidth, int expectedHeight, IFrameStageObserver? stages = null)
    {
        var clock = new StageClock(stages);
        using var frame = JpegFrameCodec.Decode(jpeg, expectedWidth, expectedHeight);
        clock.Completed(FrameStage.Decode);
        return RemoveAndEncode(frame, ref clock);
    }

    /// <summary>The same for a validated frame's JPEG, whose header is not read again.</summary>
    public byte[] Remove(ValidatedJpeg jpeg, IFrameStageObserver? stages = null)
    {
        var clock = new StageClock(stages);
        using var frame = JpegFrameCodec.Decode(jpeg);
        clock.Completed(FrameStage.Decode);
        return RemoveAndEncode(frame, ref clock);
    }

    private byte[] RemoveAndEncode(Mat frame, ref StageClock clock)
    {
        var buffers = Rent();
        try
        {
            Remove(frame, buffers.Output, buffers, ref clock);
            var jpeg = JpegFrameCodec.Encode(buffers.Output, _options.JpegQuality);
            clock.Completed(FrameStage.Encode);
            return jpeg;
        }
        finally
        {
            _pool.Add(buffers);
        }
    }

    /// <summary>The same on decoded frames: a BGR CV_8UC3 frame in, a BGR frame of the same size out.</summary>
    public void Remove(Mat bgrFrame, Mat output)
    {
        var buffers = Rent();
        var clock = new StageClock(null);
        try
        {
            Remove(bgrFrame, output, buffers, ref clock);
        }
        finally
        {
            _pool.Add(buffers);
        }
    }

    private void Remove(Mat bgrFrame, Mat output, RemoverBuffers buffers, ref StageClock clock)
    {
        _segmenter.Segment(bgrFrame, buffers.Mask);
        clock.Completed(FrameStage.Segment);
        MaskCompositor.FrameAlpha(buffers.Mask, bgrFrame.Size(), buffers.FrameAlpha, buffers.Scratch);
        MaskCompositor.Composite(bgrFrame, buffers.FrameAlpha, _backgroundBgr, _options.Threshold, output, buffers.Scratch);
        clock.Completed(FrameStage.Composite);
    }

    private RemoverBuffers Rent() => _pool.TryTake(out var buffers) ? buffers : new RemoverBuffers();

    public void Dispose()
    {
        while (_pool.TryTake(out var buffers))
        {
            buffers.Dispose();
        }
    }
}
