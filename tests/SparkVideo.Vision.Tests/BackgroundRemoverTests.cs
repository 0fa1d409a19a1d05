using System.Runtime.InteropServices;
using OpenCvSharp;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Imaging;
using SparkVideo.Vision.Segmentation;
using Xunit.Abstractions;

namespace SparkVideo.Vision.Tests;

public class BackgroundRemoverTests(SegmenterFixture fixture, ITestOutputHelper output) : IClassFixture<SegmenterFixture>
{
    // JPEG (quality 90) re-encoding moves a pixel by about one level on average; a wrong composite moves it by tens.
    private const double JpegTolerance = 3.0;

    [Theory]
    [InlineData("astronaut.jpg", null)]
    [InlineData("soccer_player.jpg", null)]
    [InlineData("astronaut.jpg", 0.5f)]
    [InlineData("soccer_player.jpg", 0.5f)]
    public void Keeps_the_person_and_greys_the_background(string photo, float? threshold)
    {
        var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame, Threshold = threshold });
        var result = remover.RemoveFromJpeg(TestFiles.PhotoBytes(photo), 640, 480);

        using var input = Cv2.ImDecode(TestFiles.PhotoBytes(photo), ImreadModes.Color);
        using var outputImage = Cv2.ImDecode(result, ImreadModes.Color);
        Assert.Equal(new Size(640, 480), outputImage.Size());

        using var mask = FrameMask(input);
        var (personDiff, personCount) = MeanAbsDiff(outputImage, input, mask, p => p > 0.9f);
        var (backgroundDiff, backgroundCount) = MeanAbsDiff(outputImage, new Scalar(192, 192, 192), mask, p => p < 0.1f);
        output.WriteLine($"{photo} threshold={threshold}: person {personCount} px, mean |out-in| {personDiff:F2}; " +
                         $"background {backgroundCount} px, mean |out-192| {backgroundDiff:F2}");

        Assert.True(personCount > 10_000 && backgroundCount > 10_000, "both regions must be present to test anything");
        Assert.True(personDiff < JpegTolerance, $"person pixels changed by {personDiff:F2} on average");
        Assert.True(backgroundDiff < JpegTolerance, $"background pixels differ from grey by {backgroundDiff:F2} on average");
    }

    [Fact]
    public void Background_colour_is_given_as_rgb()
    {
        var options = new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame, Background = new BackgroundSpec { Mode = BackgroundMode.Color, Red = 0, Green = 128, Blue = 255 }, Threshold = 0.5f };
        var result = new BackgroundRemover(fixture.Segmenter, options).RemoveFromJpeg(TestFiles.PhotoBytes("soccer_player.jpg"), 640, 480);
        using var image = Cv2.ImDecode(result, ImreadModes.Color);
        var corner = image.At<Vec3b>(5, 5); // BGR
        Assert.InRange(corner.Item0, 245, 255);
        Assert.InRange(corner.Item1, 118, 138);
        Assert.InRange(corner.Item2, 0, 10);
    }

    [Fact]
    public void Non_jpeg_bytes_are_rejected()
    {
        var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
        var error = Assert.Throws<InvalidFrameException>(() => remover.RemoveFromJpeg("hello, not an image"u8, 640, 480));
        Assert.Contains("not a JPEG", error.Message);
    }

    [Fact]
    public void Wrong_size_jpeg_is_rejected_before_decoding()
    {
        using var small = new Mat(240, 320, MatType.CV_8UC3, new Scalar(10, 20, 30));
        var jpeg = JpegFrameCodec.Encode(small, 90);
        var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
        var error = Assert.Throws<InvalidFrameException>(() => remover.RemoveFromJpeg(jpeg, 640, 480));
        Assert.Contains("wrong size", error.Message);
        Assert.Contains("320x240", error.Message);
    }

    [Fact]
    public void Truncated_jpeg_is_rejected()
    {
        var bytes = TestFiles.PhotoBytes("astronaut.jpg");
        var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
        var error = Assert.Throws<InvalidFrameException>(() => remover.RemoveFromJpeg(bytes.AsSpan(0, bytes.Length / 2), 640, 480));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Corrupt_jpeg_body_is_rejected()
    {
        // A valid header and end marker around bytes that are not entropy-coded image data.
        var bytes = TestFiles.PhotoBytes("astronaut.jpg");
        var sos = bytes.AsSpan().IndexOf([(byte)0xFF, (byte)0xDA]);
        byte[] corrupt = [.. bytes.AsSpan(0, sos), 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9];
        var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
        var error = Assert.Throws<InvalidFrameException>(() => remover.RemoveFromJpeg(corrupt, 640, 480));
        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public void Other_frame_sizes_work_through_the_mat_overload()
    {
        using var photo = Cv2.ImRead(TestFiles.Photo("astronaut.jpg"));
        using var small = new Mat();
        Cv2.Resize(photo, small, new Size(320, 240));
        using var result = new Mat();
        new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame }).RemoveFromFrame(small, result);
        Assert.Equal(new Size(320, 240), result.Size());
        Assert.Equal(MatType.CV_8UC3, result.Type());
    }

    [Fact]
    public void Concurrent_calls_give_the_same_bytes_as_sequential_ones()
    {
        var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
        byte[][] inputs = [TestFiles.PhotoBytes("astronaut.jpg"), TestFiles.PhotoBytes("soccer_player.jpg")];
        var sequential = inputs.Select(jpeg => remover.RemoveFromJpeg(jpeg, 640, 480)).ToArray();

        const int calls = 24;
        var concurrent = new byte[calls][];
        Parallel.For(0, calls, new ParallelOptions { MaxDegreeOfParallelism = 6 },
            i => concurrent[i] = remover.RemoveFromJpeg(inputs[i % 2], 640, 480));

        for (var i = 0; i < calls; i++)
        {
            Assert.Equal(sequential[i % 2], concurrent[i]);
        }
        Assert.NotEqual(sequential[0], sequential[1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Invalid_jpeg_quality_is_rejected(int quality) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame, JpegQuality = quality }));

    private Mat FrameMask(Mat frame)
    {
        using var mask = new Mat();
        fixture.Segmenter.Segment(frame, mask);
        var frameMask = new Mat();
        Cv2.Resize(mask, frameMask, frame.Size(), 0, 0, InterpolationFlags.Linear);
        return frameMask;
    }

    private static (double Mean, int Count) MeanAbsDiff(Mat actual, Mat expected, Mat mask, Func<float, bool> select)
    {
        var reference = Pixels(expected);
        return MeanAbsDiff(actual, i => reference[i], mask, select);
    }

    private static (double Mean, int Count) MeanAbsDiff(Mat actual, Scalar expected, Mat mask, Func<float, bool> select) =>
        MeanAbsDiff(actual, i => (byte)expected[i % 3], mask, select);

    /// <summary>Mean over the selected pixels of the per-channel absolute difference.</summary>
    private static (double Mean, int Count) MeanAbsDiff(Mat actual, Func<int, byte> expectedAt, Mat mask, Func<float, bool> select)
    {
        var pixels = Pixels(actual);
        var probabilities = new float[mask.Total()];
        Marshal.Copy(mask.Data, probabilities, 0, probabilities.Length);
        double sum = 0;
        var count = 0;
        for (var p = 0; p < probabilities.Length; p++)
        {
            if (!select(probabilities[p]))
            {
                continue;
            }
            for (var c = 0; c < 3; c++)
            {
                sum += Math.Abs(pixels[p * 3 + c] - expectedAt(p * 3 + c)) / 3.0;
            }
            count++;
        }
        return (count == 0 ? double.NaN : sum / count, count);
    }

    private static byte[] Pixels(Mat bgr)
    {
        Assert.True(bgr.IsContinuous());
        var bytes = new byte[bgr.Total() * 3];
        Marshal.Copy(bgr.Data, bytes, 0, bytes.Length);
        return bytes;
    }
}
