using OpenCvSharp;

namespace SparkVideo.CameraServer.Sources;

/// <summary>Produces BGR frames one at a time. Implementations own and dispose their native resources.</summary>
internal interface IFrameSource : IDisposable
{
    /// <summary>One line for the banner, e.g. "video file x.mp4 (640x480, 100 frames, loop)".</summary>
    string Description { get; }

    /// <summary>
    /// A live device (a camera) keeps producing whether or not anyone reads; it is drained while no consumer
    /// is connected so the first frame a consumer gets is fresh. Other sources pause instead.
    /// </summary>
    bool IsLive { get; }

    /// <summary>
    /// Reads the next frame into <paramref name="frame"/>; false once a finite source has ended, or when cancelled
    /// while waiting for a frame.
    /// </summary>
    /// <exception cref="FrameSourceException">The device stopped delivering frames.</exception>
    bool TryRead(Mat frame, CancellationToken cancellation);
}
