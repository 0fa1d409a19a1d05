namespace SparkVideo.FramesToVideo;

/// <summary>The container and codec written: MP4 with MPEG-4 Part 2 (mp4v), or Motion JPEG in AVI, which every OpenCV build can write.</summary>
public enum VideoFormat
{
    Mp4,
    Avi,
}
