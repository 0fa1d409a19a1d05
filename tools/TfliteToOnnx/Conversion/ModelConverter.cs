using System.Security.Cryptography;

namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>File-level entry point: .tflite bytes in, ONNX bytes out.</summary>
public static class ModelConverter
{
    public const string DefaultLicense = "Apache-2.0";

    public static byte[] Convert(byte[] tfliteBytes, string sourceFileName, string license = DefaultLicense)
    {
        var model = TfliteModelReader.Read(tfliteBytes);
        var provenance = new ModelProvenance(sourceFileName, Sha256Hex(tfliteBytes), license);
        return OnnxWriter.Serialize(TfliteToOnnxConverter.Convert(model, provenance));
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => System.Convert.ToHexStringLower(SHA256.HashData(bytes));
}
