using OpenCvSharp;
using SparkVideo.Frames;

namespace SparkVideo.CameraServer.Encoding;

/// <summary>Resizes a frame to the output size, JPEG-encodes it and wraps it as one contract JSON line.</summary>
internal sealed class FrameEncoder : IDisposable
{
    private readonly Size _size;
    private readonly ImageEncodingParam[] _jpegParameters;
    private readonly Mat _resized = new();
    private readonly Mat _converted = new();

    public FrameEncoder(int width, int height, int jpegQuality)
    {
        _size = new Size(width, height);
        _jpegParameters = [new ImageEncodingParam(ImwriteFlags.JpegQuality, jpegQuality)];
    }

    /// <summary>Encodes a blank frame once so JIT and codec set-up do not delay the first real frame.</summary>
    public void WarmUp()
    {
        using var blank = new Mat(_size, MatType.CV_8UC3, Scalar.Gray);
        Encode(blank, 1);
    }

    public EncodedFrame Encode(Mat frame, double timestamp)
    {
        var image = ToBgr(frame);
        if (image.Width != _size.Width || image.Height != _size.Height)
        {
            var shrinking = image.Width > _size.Width || image.Height > _size.Height;
            Cv2.Resize(image, _resized, _size, 0, 0, shrinking ? InterpolationFlags.Area : InterpolationFlags.Linear);
            image = _resized;
        }
        Cv2.ImEncode(".jpg", image, out var jpeg, _jpegParameters);
        var json = FrameCodec.ToJson(FrameCodec.FromJpeg(timestamp, _size.Width, _size.Height, jpeg));

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
                Cv2.CvtColor(frame, _converted, ColorConversionCodes.GRAY2BGR);
                return _converted;
            case 4:
                Cv2.CvtColor(frame, _converted, ColorConversionCodes.BGRA2BGR);
                return _converted;
            default:
                return frame;
        }
    }

    public void Dispose()
    {
        _resized.Dispose();
        _converted.Dispose();
    }
}
