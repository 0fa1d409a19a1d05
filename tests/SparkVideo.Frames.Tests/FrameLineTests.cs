using System.Text;

namespace SparkVideo.Frames.Tests;

/// <summary>The camera server's line writer against the contract's reference writer, byte for byte.</summary>
public class FrameLineTests
{
    [Theory]
    [InlineData(1767668128.3084435, 0)]
    [InlineData(1767668128.3084435, 1)]
    [InlineData(1767668128.5, 2)]
    [InlineData(1767668128.0, 3)]
    [InlineData(1.0, 4)]
    [InlineData(0.1, 5)]
    [InlineData(1e-7, 1000)]
    [InlineData(1.2345678901234568E+17, 31_000)]
    [InlineData(double.Epsilon, 7)]
    [InlineData(-3.25, 8)]
    public void Writes_the_same_bytes_as_the_reference_json_and_a_newline(double timestamp, int jpegLength)
    {
        var jpeg = new byte[jpegLength];
        new Random(jpegLength).NextBytes(jpeg);
        var buffer = new byte[FrameLine.MaxLength(jpegLength)];

        var length = FrameLine.Write(buffer, timestamp, 640, 480, jpeg);

        var expected = FrameCodec.ToJson(FrameCodec.FromJpeg(timestamp, 640, 480, jpeg)) + "\n";
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, length));
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
}
