using System.Security.Cryptography;

namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>File-level entry point: .tflite bytes in, ONNX bytes out.</summary>
public static class ModelConverter
{
    public const string DefaultLicense = "Apache-2.0";

    public static byte[] Convert(byte[] tfliteBytes, string sourceFileName, string license = DefaultLicense, (int Height, int Width)? inputSize = null) =>
        OnnxWriter.Serialize(ConvertToModel(tfliteBytes, sourceFileName, license, inputSize));

    /// <summary>A TF.js graph model (model.json and the weight files beside it) to ONNX bytes.</summary>
    public static byte[] ConvertTfjs(string modelJsonPath, string sourceSha256, string license = DefaultLicense, (int Height, int Width)? inputSize = null)
    {
        var model = Tfjs.TfjsModelReader.Read(modelJsonPath);
        var provenance = new ModelProvenance(Path.GetFileName(modelJsonPath), sourceSha256, license);
        return OnnxWriter.Serialize(Tfjs.TfGraphToOnnxConverter.Convert(model, provenance, inputSize));
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => System.Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static OnnxModel ConvertToModel(byte[] tfliteBytes, string sourceFileName, string license, (int Height, int Width)? inputSize)
    {
        var model = TfliteModelReader.Read(tfliteBytes);
        var provenance = new ModelProvenance(sourceFileName, Sha256Hex(tfliteBytes), license);
        return TfliteToOnnxConverter.Convert(model, provenance, inputSize);
    }
}
