using OpenCvSharp;

namespace SparkVideo.Vision.Tests.FramePath;

/// <summary>Every <c>step</c>-th frame of samples/people_walking.mp4, at 640x480 as the camera server sends it.</summary>
public static class SampleVideoFrames
{
    public static List<Mat> Load(int step)
    {
        var path = Path.Combine(TestFiles.Root, "samples", "people_walking.mp4");
        using var capture = new VideoCapture(path);
        Assert.True(capture.IsOpened(), $"cannot open {path}");
        var frames = new List<Mat>();
        using var frame = new Mat();
        for (var index = 0; capture.Read(frame) && !frame.Empty(); index++)
        {
            if (index % step == 0)
            {
                var resized = new Mat();
                Cv2.Resize(frame, resized, new Size(640, 480), 0, 0, InterpolationFlags.Area);
                frames.Add(resized);
            }
        }
        Assert.True(frames.Count >= 5, $"only {frames.Count} frames read from {path}");
        return frames;
    }
}
