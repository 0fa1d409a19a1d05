using System.Collections.Concurrent;
using OpenCvSharp;
using SparkVideo.Frames;
using SparkVideo.Vision.Compositing.Backgrounds;
using SparkVideo.Vision.Imaging;
using SparkVideo.Vision.People;
using SparkVideo.Vision.Segmentation;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// JPEG in, JPEG (or, for a transparent background, PNG) out: the person kept, the background replaced as
/// <see cref="BackgroundRemovalOptions.Background"/> says. The gray and colour modes take
/// <see cref="MaskCompositor"/>'s path; blur and image get their picture from an <see cref="IBackgroundSource"/>.
/// It keeps nothing of one frame for the next (a camera's mask state is passed in, to <see cref="RemoveForCamera"/>),
/// and is safe to call from several threads at once: the <see cref="Segmenter"/> is thread-safe, and each concurrent
/// call borrows its own working images from a pool, so steady-state frames allocate no image memory.
/// </summary>
public sealed class BackgroundRemover : IDisposable
{
    private readonly Segmenter _segmenter;
    private readonly BackgroundRemovalOptions _options;
    private readonly Scalar _backgroundBgr;
    private readonly IBackgroundSource? _backgroundSource;
    private readonly ConcurrentBag<RemoverBuffers> _pool = [];
    private readonly PeopleSegmentation? _people;
    private readonly CameraMaskState.FrameSegmentation _segmentForCamera;

    /// <param name="people">
    /// With <see cref="SegmentationMode.People"/> (the default): how people are found and cropped; when null, the process's
    /// shared detector (<see cref="SharedPersonDetector"/>, loaded on first use with the segmenter's thread count). Unused
    /// with <see cref="SegmentationMode.Frame"/>.
    /// </param>
    public BackgroundRemover(Segmenter segmenter, BackgroundRemovalOptions options, PeopleSegmentation? people = null)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _people = options.Segmentation == SegmentationMode.People
            ? people ?? new PeopleSegmentation(SharedPersonDetector.Get(segmenter.IntraOpThreads))
            : null;
        _segmentForCamera = Segment;
        _segmenter = segmenter;
        _options = options;
        _backgroundBgr = new Scalar(options.Background.Blue, options.Background.Green, options.Background.Red);
        _backgroundSource = BackgroundSources.For(options.Background);
    }

    /// <summary>The extension of the files <see cref="RemoveFromValidatedJpeg"/>'s bytes belong in: <c>.jpg</c>, or <c>.png</c> when transparent.</summary>
    public string OutputExtension => _options.Background.OutputExtension;

    /// <summary>
    /// Decodes, segments, composites and re-encodes one frame; throws <see cref="InvalidFrameException"/> for bad bytes.
    /// <paramref name="stages"/>, when given, is told each stage's time.
    /// </summary>
    public byte[] RemoveFromJpeg(ReadOnlySpan<byte> jpeg, int expectedWidth, int expectedHeight, IFrameStageObserver? stages = null)
    {
        var clock = new StageClock(stages);
        using var frame = JpegFrameCodec.Decode(jpeg, expectedWidth, expectedHeight);
        clock.Completed(FrameStage.Decode);
        return RemoveAndEncode(frame, null, ref clock, out _);
    }

    /// <summary>The same for a validated frame's JPEG, whose header is not read again.</summary>
    public byte[] RemoveFromValidatedJpeg(ValidatedJpeg jpeg, IFrameStageObserver? stages = null)
    {
        var clock = new StageClock(stages);
        using var frame = JpegFrameCodec.Decode(jpeg);
        clock.Completed(FrameStage.Decode);
        return RemoveAndEncode(frame, null, ref clock, out _);
    }

    /// <summary>
    /// The same for one camera's frame captured at <paramref name="timestamp"/>: its mask goes through the camera's
    /// <paramref name="state"/> (smoothing, mask reuse) before it is upsampled; <paramref name="origin"/> says whether
    /// the model ran.
    /// </summary>
    public byte[] RemoveForCamera(ValidatedJpeg jpeg, CameraMaskState state, double timestamp, out MaskOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(state);
        var clock = new StageClock(null);
        using var frame = JpegFrameCodec.Decode(jpeg);
        return RemoveAndEncode(frame, (state, timestamp), ref clock, out origin);
    }

    private byte[] RemoveAndEncode(Mat frame, (CameraMaskState State, double Timestamp)? camera, ref StageClock clock, out MaskOrigin origin)
    {
        var buffers = Rent();
        try
        {
            origin = SegmentAndComposite(frame, buffers.Output, buffers, camera, singleImage: false, ref clock);
            var encoded = _options.Background.Mode == BackgroundMode.Transparent
                ? TransparentComposite.EncodePng(buffers.Output)
                : JpegFrameCodec.Encode(buffers.Output, _options.JpegQuality);
            clock.Completed(FrameStage.Encode);
            return encoded;
        }
        finally
        {
            _pool.Add(buffers);
        }
    }

    /// <summary>
    /// One image on its own (a photo), decoded: a BGR CV_8UC3 frame in, a BGR frame of the same size out (BGRA when
    /// transparent). With <see cref="SegmentationMode.People"/>, the people are searched for more thoroughly than in a
    /// camera's frames (<see cref="PeopleSegmentation.ImageSearch"/>).
    /// </summary>
    public void RemoveFromFrame(Mat bgrFrame, Mat output)
    {
        var buffers = Rent();
        var clock = new StageClock(null);
        try
        {
            SegmentAndComposite(bgrFrame, output, buffers, null, singleImage: true, ref clock);
        }
        finally
        {
            _pool.Add(buffers);
        }
    }

    private MaskOrigin SegmentAndComposite(Mat bgrFrame, Mat output, RemoverBuffers buffers, (CameraMaskState State, double Timestamp)? camera,
        bool singleImage, ref StageClock clock)
    {
        var origin = MaskOrigin.Segmented;
        if (camera is { } c)
        {
            origin = c.State.MaskFor(bgrFrame, c.Timestamp, _segmentForCamera, buffers.Mask);
        }
        else if (singleImage && _people is not null)
        {
            _people.SegmentImage(bgrFrame, _segmenter, buffers.Mask);
        }
        else
        {
            Segment(bgrFrame, null, buffers.Mask);
        }
        clock.Completed(FrameStage.Segment);
        if (_options.Background.Mode is BackgroundMode.Gray or BackgroundMode.Color && _options.Edges == EdgeRefinement.None)
        {
            // The fast path: the mask becomes an 8-bit α at the model size, is resized once, and the blend is on bytes.
            MaskCompositor.FrameAlpha(buffers.Mask, bgrFrame.Size(), buffers.FrameAlpha, buffers.Scratch);
            MaskCompositor.Composite(bgrFrame, buffers.FrameAlpha, _backgroundBgr, _options.Threshold, output, buffers.Scratch);
            clock.Completed(FrameStage.Composite);
            return origin;
        }

        // The other modes and the edge refinements work on the frame-size soft mask.
        MaskCompositor.UpsampleMask(buffers.Mask, bgrFrame.Size(), buffers.FrameMask);
        var mask = MaskEdges.Refine(bgrFrame, buffers.FrameMask, _options.Edges, buffers.Modes);
        switch (_options.Background.Mode)
        {
            case BackgroundMode.Gray or BackgroundMode.Color:
                mask.ConvertTo(buffers.FrameAlpha, MatType.CV_8UC1, 255.0);
                MaskCompositor.Composite(bgrFrame, buffers.FrameAlpha, _backgroundBgr, _options.Threshold, output, buffers.Scratch);
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
        clock.Completed(FrameStage.Composite);
        return origin;
    }

    /// <summary>The model-size mask of one pass, or the frame-size mask of the people's crops.</summary>
    private void Segment(Mat bgrFrame, PersonTrack? people, Mat mask)
    {
        if (_people is null)
        {
            _segmenter.Segment(bgrFrame, mask);
            return;
        }
        _people.Segment(bgrFrame, _segmenter, people, mask);
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
