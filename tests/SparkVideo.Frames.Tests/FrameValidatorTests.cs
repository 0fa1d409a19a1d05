using OpenCvSharp;
using SparkVideo.Frames;

namespace SparkVideo.Frames.Tests;

public class FrameValidatorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_767_668_128);

    private static byte[] Jpeg(int width, int height)
    {
        using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(40, 80, 120));
        Cv2.ImEncode(".jpg", image, out var bytes);
        return bytes;
    }

    [Fact]
    public void Accepts_a_real_jpeg_of_the_declared_size()
    {
        var jpeg = Jpeg(640, 480);
        var frame = FrameCodec.FromJpeg(Now.ToUnixTimeSeconds() - 0.25, 640, 480, jpeg);

        Assert.True(FrameValidator.Default.TryValidate(frame, Now, out var decoded, out var error), error);
        Assert.Equal(jpeg, decoded);
    }

    [Fact]
    public void Reads_the_size_from_the_jpeg_header_without_decoding()
    {
        Assert.True(JpegHeader.TryReadSize(Jpeg(320, 240), out var width, out var height, out var error), error);
        Assert.Equal((320, 240), (width, height));
    }

    [Theory]
    [InlineData(double.NaN, 640, 480, "not a finite number")]
    [InlineData(-5.0, 640, 480, "must be positive")]
    [InlineData(5.0, 640, 480, "timestamp is before 2000-01-01")]
    [InlineData(946_684_799.0, 640, 480, "timestamp is before 2000-01-01")]
    [InlineData(4_000_000_000.0, 640, 480, "far future")]
    [InlineData(1_767_668_000.0, 0, 480, "outside")]
    [InlineData(1_767_668_000.0, 640, 5000, "outside")]
    public void Rejects_bad_scalar_fields(double timestamp, int width, int height, string reason)
    {
        var frame = FrameCodec.FromJpeg(timestamp, width, height, Jpeg(640, 480));
        Assert.False(FrameValidator.Default.TryValidate(frame, Now, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Accepts_the_first_second_of_2000()
    {
        var frame = FrameCodec.FromJpeg(946_684_800.0, 640, 480, Jpeg(640, 480));
        Assert.True(FrameValidator.Default.TryValidate(frame, Now, out _, out var error), error);
    }

    [Fact]
    public void Rejects_a_jpeg_whose_size_disagrees_with_the_frame()
    {
        var frame = FrameCodec.FromJpeg(1_767_668_000, 640, 480, Jpeg(320, 240));
        Assert.False(FrameValidator.Default.TryValidate(frame, Now, out _, out var error));
        Assert.Equal("JPEG is 320x240 but the frame declares 640x480", error);
    }

    [Fact]
    public void Rejects_invalid_base64_and_non_jpeg_bytes()
    {
        Assert.False(FrameValidator.Default.TryValidate(1_767_668_000, 640, 480, "***", Now, out _, out var error));
        Assert.Equal("frame_data is not valid base64", error);

        var png = new FrameMessage(1_767_668_000, 640, 480, Convert.ToBase64String("\x89PNG\r\n\x1a\n0000"u8));
        Assert.False(FrameValidator.Default.TryValidate(png, Now, out _, out error));
        Assert.Equal("not a JPEG (no SOI marker)", error);
    }

    [Fact]
    public void Rejects_a_jpeg_truncated_before_its_frame_header()
    {
        var truncated = Jpeg(640, 480).AsSpan(0, 20).ToArray();
        Assert.False(JpegHeader.TryReadSize(truncated, out _, out _, out var error));
        Assert.Contains("truncated", error);
    }

    [Fact]
    public void Rejects_a_decompression_bomb_by_its_header()
    {
        var bomb = Jpeg(64, 48);
        var sof = IndexOfSof(bomb);
        bomb[sof + 5] = 0xFF;
        bomb[sof + 6] = 0xFF; // height 65535
        bomb[sof + 7] = 0xFF;
        bomb[sof + 8] = 0xFF; // width 65535
        var frame = FrameCodec.FromJpeg(1_767_668_000, 640, 480, bomb);

        Assert.False(FrameValidator.Default.TryValidate(frame, Now, out _, out var error));
        Assert.Equal("JPEG is 65535x65535 but the frame declares 640x480", error);
    }

    private static int IndexOfSof(byte[] jpeg)
    {
        for (var i = 0; i < jpeg.Length - 1; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                return i;
            }
        }
        throw new InvalidOperationException("no SOF marker");
    }
}
