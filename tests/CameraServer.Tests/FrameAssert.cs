using OpenCvSharp;
using SparkVideo.Frames;

namespace SparkVideo.CameraServer.Tests;

/// <summary>Checks a wire line the way the Spark job will read it: strict parse, full validation, real JPEG decode.</summary>
internal static class FrameAssert
{
    public static FrameMessage ValidLine(string line, int width = 640, int height = 480)
    {
        Assert.True(FrameCodec.TryParse(line, out var frame, out var parseError), $"unparseable line: {parseError}");
        Assert.True(FrameValidator.Default.TryValidate(frame!, DateTimeOffset.UtcNow, out var jpeg, out var invalid), $"invalid frame: {invalid}");
        Assert.Equal(width, frame!.FrameWidth);
        Assert.Equal(height, frame.FrameHeight);
        using var image = Cv2.ImDecode(jpeg, ImreadModes.Color);
        Assert.False(image.Empty(), "the JPEG does not decode");
        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
        return frame;
    }

    public static void StrictlyIncreasing(IReadOnlyList<FrameMessage> frames)
    {
        for (var i = 1; i < frames.Count; i++)
        {
            Assert.True(frames[i].Timestamp > frames[i - 1].Timestamp,
                $"timestamp {i} ({frames[i].Timestamp:F6}) is not after timestamp {i - 1} ({frames[i - 1].Timestamp:F6})");
        }
    }
}
