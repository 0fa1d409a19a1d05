using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace SparkVideo.TfliteToOnnx.Tests.Models;

/// <summary>The committed upstream .tflite files, converted, against OpenCV DNN running the originals.</summary>
public class UpstreamModelTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(UpstreamModel.Stems), MemberType = typeof(UpstreamModel))]
    public void Source_tflite_has_the_upstream_sha256(string stem)
    {
        var model = UpstreamModel.ByStem(stem);
        Assert.Equal(model.Sha256, ModelConverter.Sha256Hex(File.ReadAllBytes(model.TflitePath)));
    }

    [Theory]
    [MemberData(nameof(UpstreamModel.Stems), MemberType = typeof(UpstreamModel))]
    public void Reader_sees_the_documented_op_set(string stem)
    {
        var model = TfliteModelReader.Read(File.ReadAllBytes(UpstreamModel.ByStem(stem).TflitePath));
        var counts = model.Operators.GroupBy(o => o.DisplayName).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(246, model.Operators.Count);
        Assert.Equal(110, counts["DEQUANTIZE"]);
        Assert.Equal(43, counts["CONV_2D"]);
        Assert.Equal(11, counts["DEPTHWISE_CONV_2D"]);
        Assert.Equal(3, counts["RESIZE_BILINEAR"]);
        Assert.Equal(1, counts["CUSTOM(Convolution2DTransposeBias)"]);
        Assert.Equal(10, counts.GetValueOrDefault("AVERAGE_POOL_2D") + counts.GetValueOrDefault("MEAN"));
    }

    [Theory]
    [MemberData(nameof(UpstreamModel.Stems), MemberType = typeof(UpstreamModel))]
    public void Conversion_is_deterministic_and_equals_the_committed_model(string stem)
    {
        var model = UpstreamModel.ByStem(stem);
        var source = File.ReadAllBytes(model.TflitePath);
        var first = ModelConverter.Convert(source, Path.GetFileName(model.TflitePath));
        var second = ModelConverter.Convert(source, Path.GetFileName(model.TflitePath));
        Assert.Equal(first, second);
        Assert.True(first.AsSpan().SequenceEqual(File.ReadAllBytes(model.OnnxPath)),
            $"models/{stem}.onnx differs from a fresh conversion; regenerate it with: " +
            $"dotnet run --project tools/TfliteToOnnx -- --input models/source/{stem}.tflite --output models/{stem}.onnx");
    }

    [Theory]
    [MemberData(nameof(UpstreamModel.Stems), MemberType = typeof(UpstreamModel))]
    public void Committed_model_carries_provenance_metadata(string stem)
    {
        var model = UpstreamModel.ByStem(stem);
        using var session = new InferenceSession(model.OnnxPath);
        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("Apache-2.0", metadata["license"]);
        Assert.Equal(stem + ".tflite", metadata["source_file"]);
        Assert.Equal(model.Sha256, metadata["source_sha256"]);
        Assert.StartsWith("keras2tflite_", metadata["source_description"]);
        Assert.Contains("TfliteToOnnx", metadata["converter"]);
        Assert.Equal([1, model.Height, model.Width, 3], session.InputMetadata.Values.Single().Dimensions);
        Assert.Equal([1, model.Height, model.Width, 1], session.OutputMetadata.Values.Single().Dimensions);
    }

    public static TheoryData<string, string> ModelsAndPhotos => new()
    {
        { UpstreamModel.General.Stem, "astronaut.jpg" },
        { UpstreamModel.General.Stem, "soccer_player.jpg" },
        { UpstreamModel.Landscape.Stem, "astronaut.jpg" },
        { UpstreamModel.Landscape.Stem, "soccer_player.jpg" },
    };

    [Theory]
    [MemberData(nameof(ModelsAndPhotos))]
    public void Converted_model_matches_OpenCv_running_the_original(string stem, string photo)
    {
        var model = UpstreamModel.ByStem(stem);
        using var input = ModelRunners.Preprocess(Path.Combine(RepoPaths.PhotosDirectory, photo), model.Width, model.Height);
        var reference = ModelRunners.RunOpenCv(model.TflitePath, input);
        var converted = ModelRunners.RunOnnxRuntime(File.ReadAllBytes(model.OnnxPath), input);

        Assert.Equal(reference.Length, converted.Length);
        var maxAbsDiff = 0.0;
        int intersection = 0, union = 0, person = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            maxAbsDiff = Math.Max(maxAbsDiff, Math.Abs(reference[i] - converted[i]));
            bool a = reference[i] > 0.5f, b = converted[i] > 0.5f;
            intersection += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
            person += a ? 1 : 0;
        }
        var iou = (double)intersection / union;
        output.WriteLine($"{stem} {photo}: max abs diff {maxAbsDiff:E2}, IoU@0.5 {iou:F5}, person {100.0 * person / reference.Length:F1}%");

        Assert.True(person > reference.Length / 20, "the photo should contain a person (>5% of pixels)");
        Assert.True(maxAbsDiff <= 1e-3, $"max abs diff {maxAbsDiff}");
        Assert.True(iou >= 0.999, $"IoU {iou}");
    }
}
