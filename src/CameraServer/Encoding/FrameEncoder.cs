using OpenCvSharp;
using SparkVideo.Frames;

namespace CameraServer.Encoding;

/// <summary>Resizes a frame to the output size, JPEG-encodes it and wraps it as one contract JSON line.</summary>
internal sealed class FrameEncoder : IDisposable
{
    private readonly Size size;
    private readonly ImageEncodingParam[] jpegParameters;
    private readonly Mat resized = new();
    private readonly Mat converted = new();

    public FrameEncoder(int width, int height, int jpegQuality)
    {
        size = new Size(width, height);
        jpegParameters = [new ImageEncodingParam(ImwriteFlags.JpegQuality, jpegQuality)];
    }

    /// <summary>Encodes a blank frame once so JIT and codec set-up do not delay the first real frame.</summary>
    public void WarmUp()
    {
        using var blank = new Mat(size, MatType.CV_8UC3, Scalar.Gray);
        Encode(blank, 1);
    }

    public EncodedFrame Encode(Mat frame, double timestamp)
    {
        var image = ToBgr(frame);
        if (image.Width != size.Width || image.Height != size.Height)
        {
            var shrinking = image.Width > size.Width || image.Height > size.Height;
            Cv2.Resize(image, resized, size, 0, 0, shrinking ? InterpolationFlags.Area : InterpolationFlags.Linear);
            image = resized;
        }
        Cv2.ImEncode(".jpg", image, out var jpeg, jpegParameters);
        var json = FrameCodec.ToJson(FrameCodec.FromJpeg(timestamp, size.Width, size.Height, jpeg));

        // The JSON is pure ASCII (digits, field names, base64), so one byte per char plus the newline.
        var line = new byte[json.Length + 1];
        System.Text.Encoding.ASCII.GetBytes(json, line);
        line[^1] = (byte)'\n';
        return new EncodedFrame(timestamp, line, jpeg);
    }

    private Mat ToBgr(Mat frame)
    {
        switch (frame.Channels())
        {
            case 1:
                Cv2.CvtColor(frame, converted, ColorConversionCodes.GRAY2BGR);
                return converted;
            case 4:
                Cv2.CvtColor(frame, converted, ColorConversionCodes.BGRA2BGR);
                return converted;
            default:
                return frame;
        }
    }

    public void Dispose()
    {
        resized.Dispose();
        converted.Dispose();
    }
}
