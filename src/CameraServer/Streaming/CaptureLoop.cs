using OpenCvSharp;
using SparkVideo.CameraServer.Encoding;
using SparkVideo.CameraServer.Sources;
using SparkVideo.Mjpeg;

namespace SparkVideo.CameraServer.Streaming;

/// <summary>
/// Reads the source on its own thread and publishes encoded frames to the mailbox.
/// A live camera is read continuously at its own rate (and drained while nobody watches, so frames are never
/// stale) and a frame is published whenever a --fps slot is due. Files and the synthetic scene are read on
/// demand: paced at --fps, or with --fps 0 as soon as every consumer has taken the previous frame. They pause
/// while no consumer is connected, so a file is not consumed unseen; a reconnecting consumer continues where
/// the previous one stopped. Each published frame is also offered to the preview's slot, which only swaps a
/// reference: preview viewers are not consumers and never change the pacing. With a <see cref="LoopReplay"/>, a looped
/// file's frames after its first pass come from the replay instead of the decoder and the encoder.
/// </summary>
internal sealed class CaptureLoop(IFrameSource source, FrameEncoder encoder, LatestFrameMailbox mailbox, double fps,
    LatestFrameSlot? preview = null, LoopReplay? replay = null, Action<LoopReplay>? replayStarted = null)
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(250);

    private readonly CaptureClock _clock = new();
    private readonly FramePacer? _pacer = fps > 0 ? new FramePacer(fps) : null;

    public long FramesPublished { get; private set; }

    /// <summary>Returns when cancelled or when a finite source has ended.</summary>
    /// <exception cref="FrameSourceException">The source failed.</exception>
    public void Run(CancellationToken cancellation)
    {
        using var frame = new Mat();
        if (source.IsLive)
        {
            RunLive(frame, cancellation);
        }
        else
        {
            RunOnDemand(frame, cancellation);
        }
    }

    private void RunLive(Mat frame, CancellationToken cancellation)
    {
        var idle = true;
        while (!cancellation.IsCancellationRequested && source.TryRead(frame, cancellation))
        {
            if (mailbox.ReaderCount == 0)
            {
                idle = true;
                continue;
            }
            if (idle)
            {
                _pacer?.Restart();
                idle = false;
            }
            if (_pacer is null || _pacer.TryClaimSlot())
            {
                Publish(frame);
            }
        }
    }

    private void RunOnDemand(Mat frame, CancellationToken cancellation)
    {
        var idle = true;
        while (!cancellation.IsCancellationRequested)
        {
            if (mailbox.ReaderCount == 0)
            {
                idle = true;
                mailbox.WaitForReaders(IdlePoll);
                continue;
            }
            if (idle)
            {
                _pacer?.Restart();
                idle = false;
            }
            var slotReached = _pacer is null ? mailbox.WaitUntilAllTaken() : _pacer.WaitForNextSlot(cancellation);
            if (!slotReached)
            {
                return;
            }
            if (mailbox.ReaderCount == 0)
            {
                continue;
            }
            if (replay is { Replaying: true })
            {
                PublishReplayed(replay.Next());
                continue;
            }
            if (!source.TryRead(frame, cancellation))
            {
                return;
            }
            Publish(frame);
            if (replay?.Record(encoder.LastJpeg) == true)
            {
                replayStarted?.Invoke(replay);
            }
        }
    }

    private void Publish(Mat frame)
    {
        var encoded = encoder.Encode(frame, _clock.Next());
        mailbox.Publish(encoded);
        preview?.Publish(encoder.LastJpeg.ToArray()); // the preview's own copy: the encoder reuses its buffer
        FramesPublished++;
    }

    private void PublishReplayed(byte[] jpeg)
    {
        mailbox.Publish(encoder.Line(jpeg, _clock.Next()));
        preview?.Publish(jpeg); // the replay never changes its frames
        FramesPublished++;
    }
}
