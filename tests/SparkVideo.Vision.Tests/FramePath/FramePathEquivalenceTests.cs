using OpenCvSharp;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Segmentation;
using Xunit.Abstractions;

namespace SparkVideo.Vision.Tests.FramePath;

/// <summary>
/// The byte frame path (one-pass preprocessing, 8-bit α resized once, integer SIMD blend) against the float path it
/// replaced (<see cref="ReferenceFramePath"/>), on real frames of the sample video.
/// </summary>
public sealed class FramePathEquivalenceTests(SegmenterFixture fixture, ITestOutputHelper output)
    : IClassFixture<SegmenterFixture>, IDisposable
{
    private static readonly Scalar Gray = new(192, 192, 192);
    private readonly List<Mat> _frames = SampleVideoFrames.Load(step: 10);

    public void Dispose() => _frames.ForEach(f => f.Dispose());

    [Fact]
    public void Preprocessing_equals_the_reference_within_one_level_on_real_frames()
    {
        using var reference = Reference();
        var buffers = fixture.Segmenter.Rent();
        try
        {
            var largest = 0.0;
            foreach (var frame in _frames)
            {
                var expected = reference.Preprocess(frame);
                buffers.Preprocess(frame);
                var actual = buffers.Input.AsSpan<float>();
                Assert.Equal(expected.Length, actual.Length);
                for (var i = 0; i < expected.Length; i++)
                {
                    largest = Math.Max(largest, Math.Abs(expected[i] - actual[i]) * 255.0);
                }
            }
            output.WriteLine($"largest difference over {_frames.Count} frames: {largest:F4} levels");
            Assert.True(largest <= 1.0, $"preprocessing differs by {largest} levels");
        }
        finally
        {
            fixture.Segmenter.Return(buffers);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.5f)]
    public void Fast_blend_equals_the_exact_blend_within_one_level_on_real_frames(float? threshold)
    {
        var colour = new Scalar(30, 120, 220); // three different channels, so a channel out of place shows
        using var mask = new Mat();
        using var alpha = new Mat();
        using var actual = new Mat();
        using var scratch = new CompositeScratch();
        var largest = 0;
        foreach (var frame in _frames.Take(4))
        {
            fixture.Segmenter.Segment(frame, mask);
            MaskCompositor.FrameAlpha(mask, frame.Size(), alpha, scratch);
            MaskCompositor.Composite(frame, alpha, colour, threshold, actual, scratch);
            using var cut = HardCut(alpha, threshold);
            var pixels = frame.AsSpan<byte>();
            var weights = (cut ?? alpha).AsSpan<byte>();
            var result = actual.AsSpan<byte>();
            for (var i = 0; i < result.Length; i++)
            {
                // In real numbers: frame · a + gray · (1 − a), with a the pixel's α / 255 (the hard mask's when thresholded).
                var a = weights[i / 3] / 255.0;
                var exact = pixels[i] * a + colour[i % 3] * (1 - a);
                largest = Math.Max(largest, (int)Math.Ceiling(Math.Abs(result[i] - exact) - 1e-9));
            }
        }
        output.WriteLine($"threshold {threshold}: largest difference {largest} level(s)");
        Assert.True(largest <= 1, $"the blend differs by {largest} levels");
    }

    /// <summary>The hard mask as documented: α / 255 mapped from 0 at threshold − 0.1 to 1 at threshold + 0.1, clamped.</summary>
    private static Mat? HardCut(Mat alpha, float? threshold)
    {
        if (threshold is not { } t)
        {
            return null;
        }
        var cut = new Mat(alpha.Size(), MatType.CV_8UC1);
        var source = alpha.AsSpan<byte>();
        var target = cut.AsSpan<byte>();
        for (var i = 0; i < source.Length; i++)
        {
            var ramp = (source[i] / 255.0 - (t - 0.1)) / 0.2;
            target[i] = (byte)Math.Round(Math.Clamp(ramp, 0, 1) * 255);
        }
        return cut;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.5f)]
    public void Frame_path_keeps_the_reference_mask_and_output_on_the_sample_video(float? threshold)
    {
        using var reference = Reference();
        using var remover = new BackgroundRemover(fixture.Segmenter, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame, Threshold = threshold });
        using var mask = new Mat();
        using var actual = new Mat();
        long intersection = 0, union = 0;
        double squaredError = 0;
        long values = 0;
        foreach (var frame in _frames)
        {
            using var referenceMask = reference.Segment(frame);
            fixture.Segmenter.Segment(frame, mask);
            var (i, u) = MaskOverlap(referenceMask, mask);
            intersection += i;
            union += u;

            using var expected = ReferenceFramePath.Composite(frame, referenceMask, Gray, threshold);
            remover.RemoveFromFrame(frame, actual);
            var e = expected.AsSpan<byte>();
            var a = actual.AsSpan<byte>();
            for (var k = 0; k < e.Length; k++)
            {
                var d = e[k] - a[k];
                squaredError += d * d;
            }
            values += e.Length;
        }
        var iou = (double)intersection / union;
        var psnr = 10 * Math.Log10(255.0 * 255.0 / Math.Max(squaredError / values, 1e-12));
        output.WriteLine($"threshold {threshold}, {_frames.Count} frames: mask IoU {iou:F5}, output PSNR {psnr:F1} dB");
        Assert.True(union > 0, "the sample video should have people in it");
        Assert.True(iou >= 0.99, $"mask IoU {iou}");
        Assert.True(psnr >= 40, $"output PSNR {psnr} dB");
    }

    private ReferenceFramePath Reference() =>
        new(fixture.Segmenter.ModelPath, fixture.Segmenter.InputWidth, fixture.Segmenter.InputHeight);

    /// <summary>Pixels that are person (p &gt; 0.5) in both masks, and in either.</summary>
    private static (long Intersection, long Union) MaskOverlap(Mat expected, Mat actual)
    {
        var e = expected.AsSpan<float>();
        var a = actual.AsSpan<float>();
        long intersection = 0, union = 0;
        for (var i = 0; i < e.Length; i++)
        {
            bool x = e[i] > 0.5f, y = a[i] > 0.5f;
            intersection += x && y ? 1 : 0;
            union += x || y ? 1 : 0;
        }
        return (intersection, union);
    }
}
