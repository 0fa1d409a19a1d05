namespace SparkVideo.TfliteToOnnx.Tests.Models;

/// <summary>
/// MediaPipe's pose (person) detector: 38 sparse float16 weight tensors (DENSIFY), PAD, RESHAPE, CONCATENATION,
/// DEPTH_TO_SPACE and rank-3 outputs, which the selfie models do not have. That the converted model finds people is
/// checked in SparkVideo.Vision.Tests (PersonDetectorTests).
/// </summary>
public class PoseDetectorModelTests
{
    private const string Sha256 = "a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85";
    private static readonly string TflitePath = RepoPaths.InRepo("models/source/pose_detection.tflite");
    private static readonly string OnnxPath = RepoPaths.InRepo("models/pose_detection.onnx");

    [Fact]
    public void Source_tflite_has_the_upstream_sha256() =>
        Assert.Equal(Sha256, ModelConverter.Sha256Hex(File.ReadAllBytes(TflitePath)));

    [Fact]
    public void Reader_makes_the_sparse_weights_dense_and_folds_densify_away()
    {
        var model = TfliteModelReader.Read(File.ReadAllBytes(TflitePath));
        var counts = model.Operators.GroupBy(o => o.DisplayName).ToDictionary(g => g.Key, g => g.Count());

        Assert.False(counts.ContainsKey("DENSIFY"));
        Assert.Equal(144, counts["DEQUANTIZE"]);
        Assert.Equal(8, counts["PAD"]);
        Assert.Equal(6, counts["RESHAPE"]);
        Assert.Equal(2, counts["CONCATENATION"]);
        Assert.Equal(3, counts["DEPTH_TO_SPACE"]);
        var dequantized = model.Operators.Where(o => o.Code == BuiltinOperator.Dequantize).Select(o => model.Tensors[o.Inputs[0]]);
        Assert.All(dequantized, t => Assert.Equal(t.Shape.Aggregate(1, (a, b) => a * b) * 2, t.Data!.Length));
    }

    [Fact]
    public void Conversion_equals_the_committed_model()
    {
        var converted = ModelConverter.Convert(File.ReadAllBytes(TflitePath), Path.GetFileName(TflitePath));

        Assert.True(converted.AsSpan().SequenceEqual(File.ReadAllBytes(OnnxPath)),
            "models/pose_detection.onnx differs from a fresh conversion; regenerate it with: " +
            "dotnet run --project tools/TfliteToOnnx -- --input models/source/pose_detection.tflite --output models/pose_detection.onnx");
    }
}
