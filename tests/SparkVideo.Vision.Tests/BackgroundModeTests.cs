using System.Runtime.InteropServices;
using OpenCvSharp;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Compositing.Backgrounds;
using SparkVideo.Vision.Segmentation;
using Xunit.Abstractions;

namespace SparkVideo.Vision.Tests;

/// <summary>Each background mode on the sample photos, with the real model: what lands where the mask says background or person.</summary>
public sealed class BackgroundModeTests(SegmenterFixture fixture, ITestOutputHelper output) : IClassFixture<SegmenterFixture>, IDisposable
{
    // The model's own certainty: below / above these the soft blend leaves less than half a level of the other side.
    private const float SureBackground = 0.001f, SurePerson = 0.999f;

    private readonly string _directory = Directory.CreateTempSubdirectory("sparkvideo-modes-").FullName;

    [Theory]
    [InlineData("gray", 192, 192, 192)]
    [InlineData("color:0,128,255", 0, 128, 255)]
    [InlineData("color:255,255,0", 255, 255, 0)]
    public void Flat_backgrounds_are_the_colour_wherever_the_mask_is_zero(string mode, int red, int green, int blue)
    {
        using var photo = Cv2.ImRead(TestFiles.Photo("soccer_player.jpg"));
        using var result = Remove(photo, mode);
        using var mask = FrameMask(photo);

        var background = Pixels(mask, p => p < SureBackground);
        Assert.True(background.Length > 10_000, $"only {background.Length} background pixels");
        var worst = background.Max(i => MaxChannelDiff(result.At<Vec3b>(i / photo.Width, i % photo.Width), new Vec3b((byte)blue, (byte)green, (byte)red)));
        output.WriteLine($"{mode}: {background.Length} background pixels, largest difference from the colour {worst}");
        Assert.True(worst <= 1, $"a background pixel differs from the colour by {worst} levels");
    }

    [Theory]
    [InlineData("astronaut.jpg")]
    [InlineData("soccer_player.jpg")]
    public void Blur_smooths_the_background_and_leaves_the_person_sharp(string name)
    {
        using var photo = Cv2.ImRead(TestFiles.Photo(name));
        using var result = Remove(photo, "blur");
        using var mask = FrameMask(photo);

        var background = Pixels(mask, p => p < SureBackground);
        var person = Pixels(mask, p => p > SurePerson);
        Assert.True(background.Length > 10_000 && person.Length > 10_000, "both regions must be present to test anything");
        var inputEnergy = HighFrequencyEnergy(photo, background);
        var outputEnergy = HighFrequencyEnergy(result, background);
        var personDiff = person.Max(i => MaxChannelDiff(result.At<Vec3b>(i / photo.Width, i % photo.Width), photo.At<Vec3b>(i / photo.Width, i % photo.Width)));
        var coarseDiff = CoarseDifference(result, photo, background);
        output.WriteLine($"{name}: background Laplacian energy {inputEnergy:F1} -> {outputEnergy:F1}; coarse difference {coarseDiff:F1}; person max diff {personDiff}");

        Assert.True(outputEnergy < inputEnergy / 10, $"the background kept {outputEnergy / inputEnergy:P0} of its high frequencies");
        // Still the scene, not a flat fill: seen through a wide blur, the background matches the input's.
        Assert.True(coarseDiff < 15, $"the background differs from the blurred input by {coarseDiff:F1} levels on average");
        Assert.True(personDiff <= 1, $"a person pixel changed by {personDiff} levels");
    }

    [Fact]
    public void Blur_leaves_no_halo_of_the_person_in_the_background()
    {
        // A dark person on a bright, flat background: a plain blur would smear dark around them; the masked one keeps it bright.
        using var frame = new Mat(480, 640, MatType.CV_8UC3, new Scalar(230, 230, 230));
        Cv2.Rectangle(frame, new Rect(240, 100, 160, 380), new Scalar(20, 20, 20), -1);
        using var alpha = new Mat(480, 640, MatType.CV_32FC1, Scalar.All(0));
        Cv2.Rectangle(alpha, new Rect(240, 100, 160, 380), Scalar.All(1), -1);
        using var scratch = new ModeScratch();
        using var blur = new BlurredBackground(40);

        var background = blur.Render(frame, alpha, scratch);

        var nearPerson = background.At<Vec3b>(300, 236); // 4 px left of the person's edge
        output.WriteLine($"background beside the person: {nearPerson.Item0}");
        Assert.True(nearPerson.Item0 >= 225, $"the background beside the person is {nearPerson.Item0}, darkened by the person");
    }

    [Fact]
    public void The_image_mode_puts_the_picture_behind_the_person()
    {
        using var photo = Cv2.ImRead(TestFiles.Photo("astronaut.jpg"));
        using var picture = Cv2.ImRead(TestFiles.Photo("soccer_player.jpg"));
        using var result = Remove(photo, $"image:{TestFiles.Photo("soccer_player.jpg")}");
        using var mask = FrameMask(photo);

        var background = Pixels(mask, p => p < SureBackground);
        Assert.True(background.Length > 10_000, $"only {background.Length} background pixels");
        var mean = background.Average(i => (double)MaxChannelDiff(result.At<Vec3b>(i / photo.Width, i % photo.Width), picture.At<Vec3b>(i / photo.Width, i % photo.Width)));
        output.WriteLine($"{background.Length} background pixels, mean difference from the picture {mean:F2}");
        Assert.True(mean < 1.0, $"the background differs from the picture by {mean:F2} levels on average");
    }

    [Fact]
    public void The_image_mode_scales_a_png_to_cover_the_frame_around_its_centre()
    {
        // 400x100, red left half, blue right half: covering 640x480 scales it 4.8x and crops the middle 640 columns.
        using var picture = new Mat(100, 400, MatType.CV_8UC3, new Scalar(0, 0, 255));
        Cv2.Rectangle(picture, new Rect(200, 0, 200, 100), new Scalar(255, 0, 0), -1);
        var path = Path.Combine(_directory, "halves.png");
        Cv2.ImWrite(path, picture);
        using var photo = Cv2.ImRead(TestFiles.Photo("soccer_player.jpg"));
        using var result = Remove(photo, $"image:{path}");
        using var mask = FrameMask(photo);

        var background = Pixels(mask, p => p < SureBackground);
        var left = background.Where(i => i % 640 < 300).ToArray();
        var right = background.Where(i => i % 640 > 340).ToArray();
        Assert.True(left.Length > 1000 && right.Length > 1000, "background on both sides");
        Assert.All(left, i => Assert.True(MaxChannelDiff(result.At<Vec3b>(i / 640, i % 640), new Vec3b(0, 0, 255)) <= 1));
        Assert.All(right, i => Assert.True(MaxChannelDiff(result.At<Vec3b>(i / 640, i % 640), new Vec3b(255, 0, 0)) <= 1));
    }

    [Fact]
    public void Transparent_writes_a_png_whose_alpha_is_the_mask()
    {
        var jpeg = TestFiles.PhotoBytes("astronaut.jpg");
        Assert.True(BackgroundSpecParser.TryParse("transparent", out var spec, out _));
        using var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame, Background = spec });

        var bytes = remover.RemoveFromJpeg(jpeg, 640, 480);

        Assert.Equal(".png", remover.OutputExtension);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        using var png = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
        Assert.Equal(4, png.Channels());
        Assert.Equal(new Size(640, 480), png.Size());
        using var photo = Cv2.ImDecode(jpeg, ImreadModes.Color);
        using var mask = FrameMask(photo);
        var background = Pixels(mask, p => p < SureBackground);
        var person = Pixels(mask, p => p > SurePerson);
        Assert.True(background.Length > 10_000 && person.Length > 10_000, "both regions must be present to test anything");
        Assert.All(background, i => Assert.Equal(0, png.At<Vec4b>(i / 640, i % 640).Item3));
        Assert.All(person, i => Assert.Equal(255, png.At<Vec4b>(i / 640, i % 640).Item3));
        var colourDiff = person.Max(i =>
        {
            var (bgra, bgr) = (png.At<Vec4b>(i / 640, i % 640), photo.At<Vec3b>(i / 640, i % 640));
            return MaxChannelDiff(new Vec3b(bgra.Item0, bgra.Item1, bgra.Item2), bgr);
        });
        Assert.Equal(0, colourDiff);
    }

    [Fact]
    public void The_default_stays_gray_and_jpeg()
    {
        using var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
        Assert.Equal(".jpg", remover.OutputExtension);
        var bytes = remover.RemoveFromJpeg(TestFiles.PhotoBytes("astronaut.jpg"), 640, 480);
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
    }

    private Mat Remove(Mat photo, string mode)
    {
        Assert.True(BackgroundSpecParser.TryParse(mode, out var spec, out var error), error);
        using var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame, Background = spec });
        var result = new Mat();
        remover.RemoveFromFrame(photo, result);
        return result;
    }

    private Mat FrameMask(Mat frame)
    {
        using var mask = new Mat();
        fixture.Segmenter.Segment(frame, mask);
        var frameMask = new Mat();
        MaskCompositor.UpsampleMask(mask, frame.Size(), frameMask);
        return frameMask;
    }

    /// <summary>Indices (row · width + column) of the pixels whose probability passes <paramref name="select"/>.</summary>
    private static int[] Pixels(Mat mask, Func<float, bool> select)
    {
        var probabilities = new float[mask.Total()];
        Marshal.Copy(mask.Data, probabilities, 0, probabilities.Length);
        return [.. Enumerable.Range(0, probabilities.Length).Where(i => select(probabilities[i]))];
    }

    /// <summary>Mean squared Laplacian of the gray image over the given pixels: the image's fine detail there.</summary>
    private static double HighFrequencyEnergy(Mat bgr, int[] pixels)
    {
        using var gray = bgr.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var laplacian = new Mat();
        Cv2.Laplacian(gray, laplacian, MatType.CV_32F);
        return pixels.Average(i => Math.Pow(laplacian.At<float>(i / bgr.Width, i % bgr.Width), 2));
    }

    /// <summary>Mean per-channel difference of the two images, both blurred wide (sigma 10), over the given pixels.</summary>
    private static double CoarseDifference(Mat a, Mat b, int[] pixels)
    {
        using var blurredA = new Mat();
        using var blurredB = new Mat();
        Cv2.GaussianBlur(a, blurredA, new Size(0, 0), 10);
        Cv2.GaussianBlur(b, blurredB, new Size(0, 0), 10);
        return pixels.Average(i =>
        {
            var (pa, pb) = (blurredA.At<Vec3b>(i / a.Width, i % a.Width), blurredB.At<Vec3b>(i / a.Width, i % a.Width));
            return (Math.Abs(pa.Item0 - pb.Item0) + Math.Abs(pa.Item1 - pb.Item1) + Math.Abs(pa.Item2 - pb.Item2)) / 3.0;
        });
    }

    private static int MaxChannelDiff(Vec3b a, Vec3b b) =>
        Math.Max(Math.Abs(a.Item0 - b.Item0), Math.Max(Math.Abs(a.Item1 - b.Item1), Math.Abs(a.Item2 - b.Item2)));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
