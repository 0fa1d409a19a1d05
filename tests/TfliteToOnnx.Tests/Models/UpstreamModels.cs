namespace SparkVideo.TfliteToOnnx.Tests.Models;

/// <summary>The two committed upstream models and their converted ONNX files.</summary>
public sealed record UpstreamModel(string Stem, string Sha256, int Height, int Width)
{
    public string TflitePath => RepoPaths.InRepo($"models/source/{Stem}.tflite");
    public string OnnxPath => RepoPaths.InRepo($"models/{Stem}.onnx");

    public static readonly UpstreamModel General =
        new("selfie_segmentation", "8d13b7fae74af625c641226813616a2117bd6bca19eb3b75574621fc08557f27", 256, 256);

    public static readonly UpstreamModel Landscape =
        new("selfie_segmentation_landscape", "4aafe6223bb8dac6fac8ca8ed56852870a33051ef3f6238822d282a109962894", 144, 256);

    public static UpstreamModel ByStem(string stem) => stem == General.Stem ? General : Landscape;

    public static TheoryData<string> Stems => [General.Stem, Landscape.Stem];
}
