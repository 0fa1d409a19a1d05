using OpenCvSharp;
using SparkVideo.CameraServer.Encoding;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames;

namespace SparkVideo.CameraServer.Tests.Units;

/// <summary>The encoder's reused buffers give the bytes the plain calls give: Cv2.ImEncode's JPEG, FrameLine's line of it.</summary>
public sealed class FrameEncoderTests
{
    private const int JpegQuality = 80;

    [Theory]
    [InlineData(640, 480)] // the sample video's own size: no resize
    [InlineData(320, 240)]
    public void Each_frame_is_the_jpeg_imencode_makes_and_the_contract_line_of_that_jpeg(int width, int height)
    {
        using var capture = new VideoCapture(RepoPaths.PeopleWalkingVideo);
        using var frame = new Mat();
        using var resized = new Mat();
        using var encoder = new FrameEncoder(width, height, JpegQuality);
        encoder.WarmUp();

        for (var i = 0; i < 12; i++)
        {
            Assert.True(capture.Read(frame));
            var timestamp = 1767668128.3084435 + i * 0.1;
            var encoded = encoder.Encode(frame, timestamp);

            var image = frame;
            if (frame.Width != width)
            {
                Cv2.Resize(frame, resized, new Size(width, height), 0, 0, InterpolationFlags.Area);
                image = resized;
            }
            Cv2.ImEncode(".jpg", image, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, JpegQuality));
            var line = FrameLine.ToBytes(FrameCodec.FromJpeg(timestamp, width, height, jpeg));
            Assert.Equal(jpeg, encoder.LastJpeg.ToArray());
            Assert.Equal(line, encoded.Line.ToArray());
            encoded.Release();
        }
    }
}
