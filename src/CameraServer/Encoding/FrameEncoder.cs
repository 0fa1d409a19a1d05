using System.Buffers;
using System.Runtime.InteropServices;
using OpenCvSharp;
using OpenCvSharp.Internal;
using OpenCvSharp.Internal.Vectors;
using SparkVideo.Frames;

namespace SparkVideo.CameraServer.Encoding;

/// <summary>
/// Resizes a frame to the output size (when it is not that size already), JPEG-encodes it and writes it as one contract
/// JSON line. Nothing is allocated per frame: the JPEG is encoded into a native buffer kept from frame to frame, copied
/// once into a managed one kept as well, and base64-encoded straight into the line, a buffer from the shared pool.
/// </summary>
internal sealed class FrameEncoder : IDisposable
{
    private readonly Size _size;
    private readonly int[] _jpegParameters;
    private readonly Mat _resized = new();
    private readonly Mat _converted = new();
    private readonly VectorOfByte _nativeJpeg = new();
    private byte[] _jpeg = [];
    private int _jpegLength;

    public FrameEncoder(int width, int height, int jpegQuality)
    {
        _size = new Size(width, height);
        _jpegParameters = [(int)ImwriteFlags.JpegQuality, jpegQuality];
    }

    /// <summary>The JPEG of the last frame encoded, valid until the next <see cref="Encode"/>.</summary>
    public ReadOnlySpan<byte> LastJpeg => _jpeg.AsSpan(0, _jpegLength);

    /// <summary>Encodes a blank frame once so JIT and codec set-up do not delay the first real frame.</summary>
    public void WarmUp()
    {
        using var blank = new Mat(_size, MatType.CV_8UC3, Scalar.Gray);
        Encode(blank, 1).Release();
    }

    /// <summary>The frame as a line; the caller owns its one reference.</summary>
    public EncodedFrame Encode(Mat frame, double timestamp)
    {
        var image = ToBgr(frame);
        if (image.Width != _size.Width || image.Height != _size.Height)
        {
            var shrinking = image.Width > _size.Width || image.Height > _size.Height;
            Cv2.Resize(image, _resized, _size, 0, 0, shrinking ? InterpolationFlags.Area : InterpolationFlags.Linear);
            image = _resized;
        }
        EncodeJpeg(image);
        return Line(LastJpeg, timestamp);
    }

    /// <summary>A frame from a JPEG encoded earlier at the output size (a looped file's replay); the caller owns its one reference.</summary>
    public EncodedFrame Line(ReadOnlySpan<byte> jpeg, double timestamp)
    {
        var line = ArrayPool<byte>.Shared.Rent(FrameLine.MaxLength(jpeg.Length));
        var length = FrameLine.Write(line, timestamp, _size.Width, _size.Height, jpeg);
        return EncodedFrame.Pooled(timestamp, line, length);
    }

    /// <summary>What Cv2.ImEncode does, into buffers that are kept: its vector and array are new on every call.</summary>
    private void EncodeJpeg(Mat image)
    {
        using var input = InputArray.Create(image);
        NativeMethods.HandleException(NativeMethods.imgcodecs_imencode_vector(
            ".jpg", input.CvPtr, _nativeJpeg.CvPtr, _jpegParameters, _jpegParameters.Length, out var encoded));
        GC.KeepAlive(image);
        if (encoded == 0)
        {
            throw new OpenCvSharpException("JPEG encoding failed");
        }
        _jpegLength = _nativeJpeg.Size;
        if (_jpeg.Length < _jpegLength)
        {
            _jpeg = new byte[Math.Max(_jpegLength, _jpeg.Length * 2)];
        }
        Marshal.Copy(_nativeJpeg.ElemPtr, _jpeg, 0, _jpegLength);
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
        _nativeJpeg.Dispose();
    }
}
