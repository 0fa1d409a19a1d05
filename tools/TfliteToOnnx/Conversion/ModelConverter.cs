using System.Security.Cryptography;
using SparkVideo.TfliteToOnnx.Quantization;

namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>File-level entry point: .tflite bytes in, ONNX bytes out.</summary>
public static class ModelConverter
{
    public const string DefaultLicense = "Apache-2.0";

    public static byte[] Convert(byte[] tfliteBytes, string sourceFileName, string license = DefaultLicense) =>
        OnnxWriter.Serialize(ConvertToModel(tfliteBytes, sourceFileName, license));

    /// <summary>
    /// The int8 (QDQ) model: converted, calibrated on <paramref name="calibrationPaths"/> (videos: <paramref name="framesPerVideo"/>
    /// evenly spaced frames each; images; folders of images), then quantized.
    /// </summary>
    public static byte[] ConvertToInt8(byte[] tfliteBytes, string sourceFileName, IReadOnlyList<string> calibrationPaths,
        int framesPerVideo, string license = DefaultLicense)
    {
        var model = ConvertToModel(tfliteBytes, sourceFileName, license);
        var input = model.Graph.Inputs.Single();
        var (height, width) = ((int)input.Shape![1], (int)input.Shape[2]);
        var inputs = CalibrationInputs.Load(calibrationPaths, framesPerVideo, width, height);
        if (inputs.Count == 0)
        {
            throw new InvalidDataException("the calibration inputs hold no frame or image");
        }
        var activations = ActivationCalibrator.Calibrate(model, inputs);
        var sources = string.Join(", ", calibrationPaths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))));
        var description = $"static; Conv weights int8 symmetric per output channel, activations uint8 from min/max over {inputs.Count} " +
            $"calibration inputs ({sources}; {framesPerVideo} evenly spaced frames per video)";
        return OnnxWriter.Serialize(QdqQuantizer.Quantize(model, activations, description));
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => System.Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static OnnxModel ConvertToModel(byte[] tfliteBytes, string sourceFileName, string license)
    {
        var model = TfliteModelReader.Read(tfliteBytes);
        var provenance = new ModelProvenance(sourceFileName, Sha256Hex(tfliteBytes), license);
        return TfliteToOnnxConverter.Convert(model, provenance);
    }
}
