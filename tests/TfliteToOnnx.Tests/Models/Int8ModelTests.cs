using Microsoft.ML.OnnxRuntime;
using SparkVideo.CommandLine;
using Xunit.Abstractions;

namespace SparkVideo.TfliteToOnnx.Tests.Models;

/// <summary>
/// The converter's int8 (QDQ) option on the real general model, calibrated on the two sample photos. It is not
/// shipped (slower than float on ONNX Runtime's CPU provider, and below the IoU bar on the street video; see
/// models/README.md); these tests keep the option honest: it quantizes every image-sized Conv, ONNX Runtime fuses
/// them into QLinearConv, and the mask stays close to the float model's on the calibration photos.
/// </summary>
public sealed class Int8ModelTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Photos = ["astronaut.jpg", "soccer_player.jpg"];
    private readonly string _temp = Directory.CreateTempSubdirectory("tflite2onnx-int8-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void The_int8_model_runs_as_quantized_convolutions_in_onnx_runtime()
    {
        var int8 = ConvertGeneralToInt8();
        var profilePrefix = Path.Combine(_temp, "profile");
        using var options = new SessionOptions { EnableProfiling = true, ProfileOutputPathPrefix = profilePrefix, IntraOpNumThreads = 1 };
        using var session = new InferenceSession(int8, options);
        using var input = OrtValue.CreateTensorValueFromMemory(new float[256 * 256 * 3], [1, 256, 256, 3]);
        using var runOptions = new RunOptions();
        using (session.Run(runOptions, [session.InputNames[0]], [input], [session.OutputNames[0]]))
        {
        }
        var profile = File.ReadAllText(session.EndProfiling());
        var quantizedConvs = CountOccurrences(profile, "\"op_name\" : \"QLinearConv\"");
        output.WriteLine($"QLinearConv kernels run: {quantizedConvs}");
        Assert.Equal(35, quantizedConvs); // the 54 Convs less the 19 on 1x1 squeeze-and-excite maps
        Assert.Contains("int8", session.ModelMetadata.CustomMetadataMap["quantization"]);
    }

    [Theory]
    [InlineData("astronaut.jpg")]
    [InlineData("soccer_player.jpg")]
    public void Int8_mask_stays_close_to_the_float_mask_on_its_calibration_photos(string photo)
    {
        var int8 = ConvertGeneralToInt8();
        using var input = ModelRunners.Preprocess(RepoPaths.Of("samples", "photos", photo), 256, 256);
        var reference = ModelRunners.RunOnnxRuntime(File.ReadAllBytes(UpstreamModel.General.OnnxPath), input);
        var quantized = ModelRunners.RunOnnxRuntime(int8, input);
        int intersection = 0, union = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            bool a = reference[i] > 0.5f, b = quantized[i] > 0.5f;
            intersection += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
        }
        var iou = (double)intersection / union;
        output.WriteLine($"{photo}: IoU@0.5 int8 vs float {iou:F4}");
        Assert.True(iou >= 0.93, $"IoU {iou}");
    }

    [Theory]
    [InlineData("--quantize", "int8")]
    [InlineData("--quantize", "int4", "--calibrate", "samples/photos")]
    [InlineData("--calibrate", "samples/photos")]
    public void Bad_quantization_options_are_usage_errors(params string[] options)
    {
        var output = Path.Combine(_temp, "out.onnx");
        var exit = ProgramCommandLine.Run(ConvertCommand.Create(),
            ["--input", UpstreamModel.General.TflitePath, "--output", output, .. options]);
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.False(File.Exists(output));
    }

    private byte[] ConvertGeneralToInt8()
    {
        var output = Path.Combine(_temp, "int8.onnx");
        string[] calibration = [.. Photos.SelectMany(p => new[] { "--calibrate", RepoPaths.Of("samples", "photos", p) })];
        var exit = ConvertCommand.Create().Parse(
            ["--input", UpstreamModel.General.TflitePath, "--output", output, "--quantize", "int8", .. calibration]).Invoke();
        Assert.Equal(ExitCodes.Success, exit);
        return File.ReadAllBytes(output);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0;
            at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
