using OpenCvSharp;
using SparkVideo.Vision.Compositing;

namespace SparkVideo.Vision.Tests;

/// <summary>--background's values: each mode with its parameters, and every bad value refused with a reason.</summary>
public sealed class BackgroundSpecParserTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sparkvideo-background-").FullName;

    [Theory]
    [InlineData("gray", BackgroundMode.Gray, "gray")]
    [InlineData("GRAY", BackgroundMode.Gray, "gray")]
    [InlineData("color:0,128,255", BackgroundMode.Color, "color:0,128,255")]
    [InlineData("color: 1, 2, 3", BackgroundMode.Color, "color:1,2,3")]
    [InlineData("blur", BackgroundMode.Blur, "blur:15")]
    [InlineData("blur:1", BackgroundMode.Blur, "blur:1")]
    [InlineData("blur:100", BackgroundMode.Blur, "blur:100")]
    [InlineData("transparent", BackgroundMode.Transparent, "transparent")]
    public void Good_values_parse_into_their_mode(string text, BackgroundMode mode, string described)
    {
        Assert.True(BackgroundSpecParser.TryParse(text, out var spec, out var error), error);
        Assert.Equal(mode, spec.Mode);
        Assert.Equal(described, spec.Describe());
    }

    [Theory]
    [InlineData("", "is not one of")]
    [InlineData("grey", "is not one of")]
    [InlineData("gray:1", "is not one of")]
    [InlineData("sepia", "is not one of")]
    [InlineData("color", "three whole numbers from 0 to 255")]
    [InlineData("color:1,2", "three whole numbers from 0 to 255")]
    [InlineData("color:0,0,256", "three whole numbers from 0 to 255")]
    [InlineData("color:-1,0,0", "three whole numbers from 0 to 255")]
    [InlineData("color:a,b,c", "three whole numbers from 0 to 255")]
    [InlineData("blur:0", "radius from 1 to 100")]
    [InlineData("blur:101", "radius from 1 to 100")]
    [InlineData("blur:x", "radius from 1 to 100")]
    [InlineData("image:", "needs the path of a PNG or JPEG file")]
    [InlineData("transparent:yes", "is not one of")]
    public void Bad_values_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(BackgroundSpecParser.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
        Assert.DoesNotContain('\n', error!);
        Assert.StartsWith("--background", error);
    }

    [Fact]
    public void An_image_is_read_on_the_spot_and_carried_as_bytes()
    {
        var path = TestFiles.Photo("soccer_player.jpg");
        Assert.True(BackgroundSpecParser.TryParse($"image:{path}", out var spec, out var error), error);
        Assert.Equal(BackgroundMode.Image, spec.Mode);
        Assert.Equal(File.ReadAllBytes(path), spec.ImageBytes);
        Assert.Equal("image:soccer_player.jpg", spec.Describe());
    }

    [Fact]
    public void A_png_image_is_accepted()
    {
        using var picture = new Mat(20, 30, MatType.CV_8UC3, new Scalar(1, 2, 3));
        var path = Path.Combine(_directory, "small.png");
        Cv2.ImWrite(path, picture);
        Assert.True(BackgroundSpecParser.TryParse($"image:{path}", out var spec, out var error), error);
        Assert.Equal(BackgroundMode.Image, spec.Mode);
    }

    [Fact]
    public void A_missing_image_is_refused()
    {
        var path = Path.Combine(_directory, "nowhere.jpg");
        Assert.False(BackgroundSpecParser.TryParse($"image:{path}", out _, out var error));
        Assert.Contains("cannot be read", error);
        Assert.Contains(path, error);
    }

    [Fact]
    public void A_file_that_is_not_a_picture_is_refused()
    {
        var path = Path.Combine(_directory, "notes.png");
        File.WriteAllText(path, "not a picture at all");
        Assert.False(BackgroundSpecParser.TryParse($"image:{path}", out _, out var error));
        Assert.Contains("is not a readable PNG or JPEG", error);
    }

    [Fact]
    public void A_truncated_jpeg_is_refused()
    {
        var bytes = TestFiles.PhotoBytes("astronaut.jpg");
        var path = Path.Combine(_directory, "half.jpg");
        File.WriteAllBytes(path, bytes[..200]);
        Assert.False(BackgroundSpecParser.TryParse($"image:{path}", out _, out var error));
        Assert.Contains("is not a readable PNG or JPEG", error);
    }

    [Fact]
    public void An_image_over_the_size_cap_is_refused()
    {
        var path = Path.Combine(_directory, "huge.jpg");
        var bytes = new byte[BackgroundSpec.MaxImageBytes + 1];
        TestFiles.PhotoBytes("astronaut.jpg").CopyTo(bytes, 0);
        File.WriteAllBytes(path, bytes);
        Assert.False(BackgroundSpecParser.TryParse($"image:{path}", out _, out var error));
        Assert.Contains("more than the 8 MiB cap", error);
    }

    [Fact]
    public void Two_specs_of_the_same_picture_are_equal_though_their_bytes_are_two_arrays()
    {
        var path = TestFiles.Photo("astronaut.jpg");
        Assert.True(BackgroundSpecParser.TryParse($"image:{path}", out var first, out _));
        Assert.True(BackgroundSpecParser.TryParse($"image:{path}", out var second, out _));
        Assert.NotSame(first.ImageBytes, second.ImageBytes);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, first with { ImageBytes = [.. first.ImageBytes!.Reverse()] });
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
