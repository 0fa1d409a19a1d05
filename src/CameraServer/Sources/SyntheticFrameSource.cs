using OpenCvSharp;

namespace SparkVideo.CameraServer.Sources;

/// <summary>
/// Generated 640x480 frames so the server runs without a camera or a file: a walking person-like figure
/// over a textured wall and floor, with the frame counter and the time printed on it.
/// </summary>
internal sealed class SyntheticFrameSource : IFrameSource
{
    public const int Width = 640;
    public const int Height = 480;

    private readonly Mat _background = SyntheticScene.CreateBackground(Width, Height);
    private long _frameNumber;

    public string Description => $"synthetic ({Width}x{Height} walking figure)";

    public bool IsLive => false;

    public bool TryRead(Mat frame, CancellationToken cancellation)
    {
        _background.CopyTo(frame);
        SyntheticScene.DrawWalker(frame, _frameNumber);
        SyntheticScene.DrawCaption(frame, _frameNumber, DateTime.Now);
        _frameNumber++;
        return true;
    }

    public void Dispose() => _background.Dispose();
}
