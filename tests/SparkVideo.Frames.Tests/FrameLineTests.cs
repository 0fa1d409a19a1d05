using System.Text;

namespace SparkVideo.Frames.Tests;

/// <summary>The one writer of the frame line, against fixed lines, byte for byte.</summary>
public class FrameLineTests
{
    // The timestamp's text is the contract's (Newtonsoft's shortest round-trip form, ".0" on integral values), fixed here
    // so that the one writer is checked against the bytes every consumer has parsed, not against itself.
    [Theory]
    [InlineData(1767668128.3084435, "1767668128.3084435", 0)]
    [InlineData(1767668128.3084435, "1767668128.3084435", 1)]
    [InlineData(1767668128.5, "1767668128.5", 2)]
    [InlineData(1767668128.0, "1767668128.0", 3)]
    [InlineData(1.0, "1.0", 4)]
    [InlineData(0.1, "0.1", 5)]
    [InlineData(1e-7, "1E-07", 1000)]
    [InlineData(1.2345678901234568E+17, "1.2345678901234568E+17", 31_000)]
    [InlineData(double.Epsilon, "5E-324", 7)]
    [InlineData(-3.25, "-3.25", 8)]
    public void Writes_the_contract_line_and_a_newline(double timestamp, string timestampText, int jpegLength)
    {
        var jpeg = new byte[jpegLength];
        new Random(jpegLength).NextBytes(jpeg);
        var buffer = new byte[FrameLine.MaxLength(jpegLength)];

        var length = FrameLine.Write(buffer, timestamp, 640, 480, jpeg);

        Assert.Equal(ExpectedLine(timestampText, jpeg), Encoding.ASCII.GetString(buffer, 0, length));
    }

    [Theory]
    [InlineData(1767668128.3084435, "1767668128.3084435", 0)]
    [InlineData(1767668128.0, "1767668128.0", 3)]
    [InlineData(1e-7, "1E-07", 1000)]
    public void A_frame_already_in_base64_gives_the_same_line(double timestamp, string timestampText, int jpegLength)
    {
        var jpeg = new byte[jpegLength];
        new Random(jpegLength).NextBytes(jpeg);

        var line = FrameLine.ToBytes(FrameCodec.FromJpeg(timestamp, 640, 480, jpeg));

        Assert.Equal(ExpectedLine(timestampText, jpeg), Encoding.ASCII.GetString(line));
    }

    [Theory]
    [InlineData("AA\\EC")]
    [InlineData("AA\"EC")]
    [InlineData("AA\nEC")]
    [InlineData("AAéC")]
    public void Frame_data_that_is_not_base64_is_refused(string frameData)
    {
        Assert.Throws<ArgumentException>(() => FrameLine.ToBytes(new FrameMessage(1.5, 640, 480, frameData)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_timestamp_that_is_not_a_finite_number_is_refused(double timestamp)
    {
        var buffer = new byte[FrameLine.MaxLength(1)];

        Assert.Throws<ArgumentOutOfRangeException>(() => FrameLine.Write(buffer, timestamp, 640, 480, [1]));
    }

    [Fact]
    public void A_buffer_shorter_than_the_longest_line_is_refused()
    {
        var buffer = new byte[FrameLine.MaxLength(10) - 1];

        Assert.Throws<ArgumentException>(() => FrameLine.Write(buffer, 1.5, 640, 480, new byte[10]));
    }

    private static string ExpectedLine(string timestampText, byte[] jpeg) =>
        $"{{\"timestamp\":{timestampText},\"frame_width\":640,\"frame_height\":480,\"frame_data\":\"{Convert.ToBase64String(jpeg)}\"}}\n";
}
