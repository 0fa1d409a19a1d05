using Microsoft.ML.OnnxRuntime;
using SparkVideo.TfliteToOnnx.Conversion;
using Xunit.Abstractions;

namespace SparkVideo.TfliteToOnnx.Tests.Models;

/// <summary>
/// <c>--input-size</c> on the selfie model: every feature map and fixed resize scales with the input, so the converted
/// graph runs at the new size and segments the person as the model's own size does.
/// </summary>
public class InputSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void The_selfie_model_converted_at_192x192_runs_there_and_finds_the_person_the_256x256_model_finds()
    {
        var model = UpstreamModel.General;
        var onnx = ModelConverter.Convert(File.ReadAllBytes(model.TflitePath), Path.GetFileName(model.TflitePath), inputSize: (192, 192));
        using (var session = new InferenceSession(onnx))
        {
            Assert.Equal([1, 192, 192, 3], session.InputMetadata.Values.Single().Dimensions);
            Assert.Equal([1, 192, 192, 1], session.OutputMetadata.Values.Single().Dimensions);
        }
        var photo = Path.Combine(RepoPaths.PhotosDirectory, "astronaut.jpg");
        using var small = ModelRunners.Preprocess(photo, 192, 192);
        using var full = ModelRunners.Preprocess(photo, model.Width, model.Height);
        var smallMask = ModelRunners.RunOnnxRuntime(onnx, small);
        var fullMask = ModelRunners.RunOnnxRuntime(File.ReadAllBytes(model.OnnxPath), full);

        // The 256x256 mask sampled at the 192x192 pixel centres, then both cut at 0.5.
        int intersection = 0, union = 0;
        for (var y = 0; y < 192; y++)
        {
            for (var x = 0; x < 192; x++)
            {
                var (fx, fy) = ((int)((x + 0.5) * model.Width / 192), (int)((y + 0.5) * model.Height / 192));
                bool a = smallMask[y * 192 + x] > 0.5f, b = fullMask[fy * model.Width + fx] > 0.5f;
                intersection += a && b ? 1 : 0;
                union += a || b ? 1 : 0;
            }
        }
        var iou = (double)intersection / union;
        output.WriteLine($"IoU of the 192x192 and 256x256 masks at 0.5: {iou:F3}, person {100.0 * union / (192 * 192):F1} %");
        Assert.True(union > 192 * 192 / 20, "the photo should contain a person");
        Assert.True(iou >= 0.9, $"IoU {iou}");
    }

    [Fact]
    public void A_size_that_leaves_a_feature_map_fractional_is_refused_by_name()
    {
        var model = UpstreamModel.General;
        var error = Assert.Throws<UnsupportedOperatorException>(() =>
            ModelConverter.Convert(File.ReadAllBytes(model.TflitePath), Path.GetFileName(model.TflitePath), inputSize: (200, 200)));
        Assert.Contains("--input-size 200x200 does not scale the model's", error.Message);
        Assert.Contains("a width that is a multiple of 16 and a height that is a multiple of 16", error.Message);
    }
}
