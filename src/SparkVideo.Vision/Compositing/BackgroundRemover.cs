using System.Collections.Concurrent;
using OpenCvSharp;
using SparkVideo.Frames;

namespace SparkVideo.Vision;

/// <summary>
/// JPEG in, JPEG (or, for a transparent background, PNG) out: the person kept, the background replaced as
/// <see cref="BackgroundRemovalOptions.Background"/> says. The gray and colour modes take
/// <see cref="MaskCompositor"/>'s path; blur and image get their picture from an <see cref="IBackgroundSource"/>.
/// A pure function of its
/// inputs; safe to call from several threads at once: the <see cref="Segmenter"/> is thread-safe, and each
/// concurrent call borrows its own working images from a pool, so steady-state frames allocate no image memory.
/// </summary>
public sealed class BackgroundRemover : IDisposable
{
    private readonly Segmenter _segmenter;
    private readonly BackgroundRemovalOptions _options;
    private readonly Scalar _backgroundBgr;
    private readonly IBackgroundSource? _backgroundSource;
    private readonly ConcurrentBag<RemoverBuffers> _pool = [];

    public BackgroundRemover(Segmenter segmenter, BackgroundRemovalOptions options)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _segmenter = segmenter;
        _options = options;
        _backgroundBgr = new Scalar(options.Background.Blue, options.Background.Green, options.Background.Red);
        _backgroundSource = BackgroundSources.For(options.Background);
    }

    /// <summary>The extension of the files <see cref="Remove(ValidatedJpeg)"/>'s bytes belong in: <c>.jpg</c>, or <c>.png</c> when transparent.</summary>
    public string OutputExtension => _options.Background.OutputExtension;

    /// <summary>Decodes, segments, composites and re-encodes one frame; throws <see cref="InvalidFrameException"/> for bad bytes.</summary>
    public byte[] Remove(ReadOnlySpan<byte> jpeg, int expectedWidth, int expectedHeight)
    {
        using var frame = JpegFrameCodec.Decode(jpeg, expectedWidth, expectedHeight);
        return RemoveAndEncode(frame);
    }

    /// <summary>The same for a validated frame's JPEG, whose header is not read again.</summary>
    public byte[] Remove(ValidatedJpeg jpeg)
    {
        using var frame = JpegFrameCodec.Decode(jpeg);
        return RemoveAndEncode(frame);
    }

    /// <summary>
    /// The same for one camera's frame captured at <paramref name="timestamp"/>: its mask goes through the camera's
    /// <paramref name="state"/> (smoothing, mask reuse) before it is upsampled; <paramref name="origin"/> says whether
    /// the model ran.
    /// </summary>
    public byte[] Remove(ValidatedJpeg jpeg, CameraMaskState state, double timestamp, out MaskOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var frame = JpegFrameCodec.Decode(jpeg);
        return RemoveAndEncode(frame, (state, timestamp), out origin);
    }

    private byte[] RemoveAndEncode(Mat frame) => RemoveAndEncode(frame, null, out _);

    private byte[] RemoveAndEncode(Mat frame, (CameraMaskState State, double Timestamp)? camera, out MaskOrigin origin)
    {
        var buffers = Rent();
        try
        {
            origin = Remove(frame, buffers.Output, buffers, camera);
            return _options.Background.Mode == BackgroundMode.Transparent
                ? TransparentComposite.EncodePng(buffers.Output)
                : JpegFrameCodec.Encode(buffers.Output, _options.JpegQuality);
        }
        finally
        {
            _pool.Add(buffers);
        }
    }

    /// <summary>The same on decoded frames: a BGR CV_8UC3 frame in, a BGR frame of the same size out (BGRA when transparent).</summary>
    public void Remove(Mat bgrFrame, Mat output)
    {
        var buffers = Rent();
        try
        {
            Remove(bgrFrame, output, buffers, null);
        }
        finally
        {
            _pool.Add(buffers);
        }
    }

    private MaskOrigin Remove(Mat bgrFrame, Mat output, RemoverBuffers buffers, (CameraMaskState State, double Timestamp)? camera)
    {
        var origin = MaskOrigin.Segmented;
        if (camera is { } c)
        {
            origin = c.State.MaskFor(bgrFrame, c.Timestamp, _segmenter, buffers.Mask);
        }
        else
        {
            _segmenter.Segment(bgrFrame, buffers.Mask);
        }
        MaskCompositor.UpsampleMask(buffers.Mask, bgrFrame.Size(), buffers.FrameMask);
        var mask = MaskEdges.Refine(bgrFrame, buffers.FrameMask, _options.Edges, buffers.Modes);
        switch (_options.Background.Mode)
        {
            case BackgroundMode.Gray or BackgroundMode.Color:
                MaskCompositor.Composite(bgrFrame, mask, _backgroundBgr, _options.Threshold, output, buffers.Scratch);
                break;
            case BackgroundMode.Transparent:
                TransparentComposite.Composite(bgrFrame, MaskAlpha.Of(mask, _options.Threshold, buffers.Modes), output, buffers.Modes);
                break;
            default:
                var alpha = MaskAlpha.Of(mask, _options.Threshold, buffers.Modes);
                var background = _backgroundSource!.Render(bgrFrame, alpha, buffers.Modes);
                BackgroundBlend.Composite(bgrFrame, alpha, background, output, buffers.Modes);
                break;
        }
        return origin;
    }

    private RemoverBuffers Rent() => _pool.TryTake(out var buffers) ? buffers : new RemoverBuffers();

    public void Dispose()
    {
        while (_pool.TryTake(out var buffers))
        {
            buffers.Dispose();
        }
        _backgroundSource?.Dispose();
    }
}
