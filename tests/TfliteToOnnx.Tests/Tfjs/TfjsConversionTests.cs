using SparkVideo.TfliteToOnnx.Tests.Support;
using SparkVideo.TfliteToOnnx.Tfjs;

namespace SparkVideo.TfliteToOnnx.Tests.Tfjs;

/// <summary>The TF.js graph reader and converter on small graphs whose result is computed here by hand.</summary>
public class TfjsConversionTests
{
    [Fact]
    public void A_conv_with_bias_and_leaky_relu_matches_the_reference_in_tfs_nhwc_layout()
    {
        // NHWC [1,5,5,2] -> Conv2D 3x3, 3 filters, SAME, stride 1 -> + bias -> LeakyRelu(0.1).
        var weights = OnnxRunner.RandomValues(3 * 3 * 2 * 3, seed: 1, scale: 0.5f).Select(v => (float)(Half)v).ToArray(); // HWIO, float16-exact
        var bias = new[] { 0.25f, -0.5f, 0.125f };
        using var files = new TfjsGraphFiles()
            .Input("x", 1, 5, 5, 2)
            .Float16Constant("w", [3, 3, 2, 3], weights)
            .Float16Constant("b", [3], bias)
            .Node("conv", "Conv2D", ["x", "w"], new
            {
                padding = TfjsGraphFiles.Text("SAME"),
                strides = TfjsGraphFiles.IntList(1, 1, 1, 1),
                data_format = TfjsGraphFiles.Text("NHWC"),
            })
            .Node("biased", "BiasAdd", ["conv", "b"])
            .Node("out", "LeakyRelu", ["biased"], new { alpha = new { f = 0.1f } });
        var modelJson = files.Write("out", [1, 5, 5, 3]);
        var input = OnnxRunner.RandomValues(5 * 5 * 2, seed: 2);

        var onnx = ModelConverter.ConvertTfjs(modelJson, new string('0', 64));
        var actual = OnnxRunner.Run(onnx, input, [1, 5, 5, 2]);

        // The reference takes TFLite's [O,kh,kw,I]; TF stores [kh,kw,I,O].
        var ohwi = new float[weights.Length];
        for (var y = 0; y < 3; y++)
            for (var x = 0; x < 3; x++)
                for (var i = 0; i < 2; i++)
                    for (var o = 0; o < 3; o++)
                        ohwi[((o * 3 + y) * 3 + x) * 2 + i] = weights[((y * 3 + x) * 2 + i) * 3 + o];
        var expected = ReferenceOps.Conv2DSame(input, 5, 5, 2, ohwi, 3, 3, 3, bias, 1).Select(v => v >= 0 ? v : 0.1f * v).ToArray();
        OnnxRunner.AssertClose(expected, actual);
    }

    [Fact]
    public void Constants_that_only_shape_the_graph_are_folded_and_a_reshape_uses_them()
    {
        // onnx-tf writes a Reshape's target as SparseToDense + AddV2 over constants, as the detector model does.
        using var files = new TfjsGraphFiles()
            .Input("x", 1, 2, 3, 4)
            .IntConstant("indices", [0, 1], [])
            .IntConstant("dense_shape", [1], [3])
            .IntConstant("values", [0], [])
            .IntConstant("zero", [], [0])
            .IntConstant("base", [3], [1, 4, -1])
            .Node("sparse", "SparseToDense", ["indices", "dense_shape", "values", "zero"])
            .Node("target", "AddV2", ["base", "sparse"])
            .Node("out", "Reshape", ["x", "target"]);
        var modelJson = files.Write("out", [1, 4, 6]);
        var input = Enumerable.Range(0, 24).Select(i => (float)i).ToArray();

        var actual = OnnxRunner.Run(ModelConverter.ConvertTfjs(modelJson, new string('0', 64)), input, [1, 2, 3, 4]);

        Assert.Equal(input, actual);
    }

    [Fact]
    public void An_op_it_does_not_know_is_refused_by_name()
    {
        using var files = new TfjsGraphFiles().Input("x", 1, 2, 2, 1).Node("out", "Erf", ["x"]);
        var modelJson = files.Write("out", [1, 2, 2, 1]);

        var error = Assert.Throws<UnsupportedOperatorException>(() => ModelConverter.ConvertTfjs(modelJson, new string('0', 64)));

        Assert.Equal("TF op Erf ('out') is not supported", error.Message);
    }

    [Fact]
    public void A_json_that_is_not_a_graph_model_is_refused()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("tfjs-layers-").FullName, "model.json");
        File.WriteAllText(path, """{"format": "layers-model", "modelTopology": {}}""");

        var error = Assert.Throws<InvalidDataException>(() => TfjsModelReader.Read(path));

        Assert.Contains("not a TF.js graph model", error.Message);
    }
}
