using OpenCvSharp;
using SparkVideo.Vision.People;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Vision.Temporal;

/// <summary>
/// One camera's memory of its recent masks (at the model's size for the one pass, at the frame's for the people's
/// crops): the moving average of the soft mask, the last segmented frame's mask and fingerprint for mask reuse, and
/// the people carried between detections (<see cref="PersonTrack"/>). Frames must
/// come in capture-time order; one that does not (its timestamp is not after the last one's) or that follows a gap
/// of more than <see cref="TemporalMaskOptions.MaxGapSeconds"/> restarts the state, so an older frame is never
/// blended into newer state and a camera that reconnects starts fresh. Thread-safe: one frame at a time per camera.
/// </summary>
public sealed class CameraMaskState : IDisposable
{
    /// <summary>Writes a frame's mask (CV_32FC1, any size) given the camera's people between detections.</summary>
    public delegate void FrameSegmentation(Mat bgrFrame, PersonTrack people, Mat mask);

    private readonly object _gate = new();
    private readonly Mat _average = new();
    private readonly Mat _segmentedMask = new();
    private FrameFingerprint _segmentedPrint = new();
    private FrameFingerprint _framePrint = new();
    private double? _lastTimestamp;
    private bool _hasAverage;
    private bool _hasSegmented;
    private int _reusedInARow;
    private bool _disposed;
    private readonly PersonTrack _people;

    public CameraMaskState(TemporalMaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _people = new PersonTrack(options.DetectEvery);
    }

    public TemporalMaskOptions Options { get; }

    /// <summary>How many times the state started afresh after its first frame (a frame out of order, or after a gap).</summary>
    public long Restarts { get; private set; }

    /// <summary>
    /// Writes the mask of <paramref name="bgrFrame"/> (captured at <paramref name="timestamp"/>, Unix seconds) into
    /// <paramref name="mask"/> (CV_32FC1, model size): the segmenter's, or the last segmented frame's when the picture
    /// has not changed, then smoothed with the camera's history.
    /// </summary>
    public MaskOrigin MaskFor(Mat bgrFrame, double timestamp, Segmenter segmenter, Mat mask)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        return MaskFor(bgrFrame, timestamp, (frame, _, frameMask) => segmenter.Segment(frame, frameMask), mask);
    }

    /// <summary>The same with the mask made by <paramref name="segmentation"/> (the people path passes its crops).</summary>
    public MaskOrigin MaskFor(Mat bgrFrame, double timestamp, FrameSegmentation segmentation, Mat mask)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        ArgumentNullException.ThrowIfNull(segmentation);
        ArgumentNullException.ThrowIfNull(mask);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_lastTimestamp is { } last && !(timestamp > last && timestamp - last <= TemporalMaskOptions.MaxGapSeconds))
            {
                Restart();
            }
            _lastTimestamp = timestamp;

            var origin = TryReuse(bgrFrame, mask) ? MaskOrigin.Reused : Segment(bgrFrame, segmentation, mask);
            Smooth(mask);
            return origin;
        }
    }

    private bool TryReuse(Mat bgrFrame, Mat mask)
    {
        if (Options.MaskReuseFrames == 0)
        {
            return false;
        }
        _framePrint.Take(bgrFrame);
        if (!_hasSegmented || _reusedInARow >= Options.MaskReuseFrames || _framePrint.Difference(_segmentedPrint) >= Options.ReuseThreshold)
        {
            return false;
        }
        _segmentedMask.CopyTo(mask);
        _reusedInARow++;
        return true;
    }

    private MaskOrigin Segment(Mat bgrFrame, FrameSegmentation segmentation, Mat mask)
    {
        segmentation(bgrFrame, _people, mask);
        if (Options.MaskReuseFrames > 0)
        {
            mask.CopyTo(_segmentedMask);
            // The frame's fingerprint, taken in TryReuse, becomes the one later frames are compared with.
            (_segmentedPrint, _framePrint) = (_framePrint, _segmentedPrint);
            _hasSegmented = true;
            _reusedInARow = 0;
        }
        return MaskOrigin.Segmented;
    }

    private void Smooth(Mat mask)
    {
        if (Options.Smoothing == 0)
        {
            return;
        }
        if (_hasAverage && _average.Size() == mask.Size())
        {
            Cv2.AddWeighted(_average, Options.Smoothing, mask, 1 - Options.Smoothing, 0, _average);
            _average.CopyTo(mask);
        }
        else
        {
            mask.CopyTo(_average);
            _hasAverage = true;
        }
    }

    private void Restart()
    {
        _hasAverage = false;
        _hasSegmented = false;
        _reusedInARow = 0;
        _people.Reset();
        Restarts++;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _average.Dispose();
            _segmentedMask.Dispose();
            _segmentedPrint.Dispose();
            _framePrint.Dispose();
        }
    }
}
