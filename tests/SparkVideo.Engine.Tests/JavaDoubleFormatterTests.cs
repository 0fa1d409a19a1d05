using SparkVideo.Engine.Formats;

namespace SparkVideo.Engine.Tests;

public sealed class JavaDoubleFormatterTests
{
    [Theory]
    [InlineData(1767668128.3084435, "1.7676681283084435E9")]
    [InlineData(1.0, "1.0")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(9999999.0, "9999999.0")]
    [InlineData(12345678.9, "1.23456789E7")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(1e-300, "1.0E-300")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157E308")]
    [InlineData(100.0, "100.0")]
    [InlineData(0.1, "0.1")]
    public void Formats_doubles_like_Java(double value, string expected) =>
        Assert.Equal(expected, JavaDoubleFormatter.Format(value));
}
