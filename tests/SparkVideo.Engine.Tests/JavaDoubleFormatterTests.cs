using System.Globalization;
using SparkVideo.Engine.Formats;

namespace SparkVideo.Engine.Tests;

public sealed class JavaDoubleFormatterTests
{
    [Fact]
    public void Formats_every_double_of_the_sample_as_JDK_17_prints_it()
    {
        var mismatches = new List<string>();
        int count = 0;
        foreach ((int lineNumber, string line) in VectorFile.DataLines("jdk17-double-tostring.txt"))
        {
            string[] parts = line.Split(' ');
            double value = BitConverter.Int64BitsToDouble(long.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            string actual = JavaDoubleFormatter.Format(value);
            count++;
            if (actual != parts[1])
            {
                mismatches.Add($"line {lineNumber}: {parts[0]} JDK 17 \"{parts[1]}\", engine \"{actual}\"");
            }
        }
        Assert.True(count > 6000, $"only {count} vectors read");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {count} differ:\n{string.Join("\n", mismatches.Take(20))}");
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.Epsilon, "4.9E-324")]
    [InlineData(1767668128.3084435, "1.7676681283084435E9")]
    public void Formats_the_special_values_like_Java(double value, string expected) =>
        Assert.Equal(expected, JavaDoubleFormatter.Format(value));
}
