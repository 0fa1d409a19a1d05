using OpenCvSharp;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Vision.Tests;

public class SegmenterTests
{
    [Fact]
    public void Shipped_models_are_copied_next_to_the_binaries()
    {
        Assert.True(File.Exists(ModelLocator.PathOf(SegmentationModelKind.General)));
        Assert.True(File.Exists(ModelLocator.PathOf(SegmentationModelKind.Landscape)));
    }

    [Theory]
    [InlineData(SegmentationModelKind.General, 256, 256)]
    [InlineData(SegmentationModelKind.Landscape, 256, 144)]
    public void Segment_writes_a_probability_mask_at_the_model_size(SegmentationModelKind kind, int width, int height)
    {
        using var segmenter = Segmenter.Load(new SegmenterOptions { Model = kind, IntraOpThreads = 1 });
        using var photo = Cv2.ImRead(TestFiles.Photo("astronaut.jpg"));
        using var mask = new Mat();
        segmenter.Segment(photo, mask);

        Assert.Equal((width, height), (segmenter.InputWidth, segmenter.InputHeight));
        Assert.Equal(MatType.CV_32FC1, mask.Type());
        Assert.Equal(new Size(width, height), mask.Size());
        Cv2.MinMaxLoc(mask, out double min, out double max);
        Assert.InRange(min, 0, 0.05);  // background in the corners
        Assert.InRange(max, 0.95, 1);  // the astronaut
        // The person fills the lower middle of the frame, not the top corners.
        Assert.True(mask.At<float>(height - 10, width / 2) > 0.9f);
        Assert.True(mask.At<float>(5, width - 5) < 0.1f);
    }

    [Fact]
    public void Missing_model_names_the_path_and_how_to_regenerate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.onnx");
        var error = Assert.Throws<ModelLoadException>(() => Segmenter.Load(new SegmenterOptions { ModelPath = path }));
        Assert.Contains(path, error.Message);
        Assert.Contains("dotnet run --project tools/TfliteToOnnx --", error.Message);
    }

    [Fact]
    public void Corrupt_model_is_a_model_load_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 + 11))]);
        try
        {
            var error = Assert.Throws<ModelLoadException>(() => Segmenter.Load(new SegmenterOptions { ModelPath = path }));
            Assert.Contains(path, error.Message);
            Assert.Contains("could not be loaded", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Shared_segmenter_returns_one_instance_per_options()
    {
        var first = SharedSegmenter.Get(new SegmenterOptions { IntraOpThreads = 1 });
        var again = SharedSegmenter.Get(new SegmenterOptions { IntraOpThreads = 1 });
        var landscape = SharedSegmenter.Get(new SegmenterOptions { Model = SegmentationModelKind.Landscape, IntraOpThreads = 1 });

        Assert.Same(first, again);
        Assert.NotSame(first, landscape);
    }

    [Fact]
    public void Shared_segmenter_concurrent_first_calls_load_once()
    {
        var options = new SegmenterOptions { IntraOpThreads = 2 };
        var instances = new Segmenter[8];
        Parallel.For(0, instances.Length, i => instances[i] = SharedSegmenter.Get(options));
        Assert.All(instances, s => Assert.Same(instances[0], s));
    }
}
