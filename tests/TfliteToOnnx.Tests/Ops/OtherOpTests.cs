using static SparkVideo.TfliteToOnnx.Tests.Support.OnnxRunner;

namespace SparkVideo.TfliteToOnnx.Tests.Ops;

public class OtherOpTests
{
    [Fact]
    public void Resize_bilinear_half_pixel_centers_matches_reference()
    {
        const int h = 3, w = 4, c = 2, oh = 6, ow = 8;
        var x = RandomValues(h * w * c, 12);
        var m = new SyntheticModel();
        var input = m.Activation("in", 1, h, w, c);
        var size = m.IntConstant("size", [oh, ow], 2);
        var output = m.Activation("out", 1, oh, ow, c);
        m.Op(BuiltinOperator.ResizeBilinear, [input, size], [output], new ResizeBilinearOptions(false, true));

        AssertClose(ReferenceOps.ResizeBilinearHalfPixel(x, h, w, c, oh, ow), ConvertAndRun(m.Build(input, output), x), 1e-5f);
    }

    [Fact]
    public void Activations_match_their_formulas()
    {
        float[] x = [-5f, -2f, -0.5f, 0f, 1f, 2.5f, 4f, 7f];
        var m = new SyntheticModel();
        var input = m.Activation("in", 1, 1, 8, 1);
        var relu = m.Activation("relu", 1, 1, 8, 1);
        var swish = m.Activation("swish", 1, 1, 8, 1);
        var output = m.Activation("out", 1, 1, 8, 1);
        m.Op(BuiltinOperator.Relu, [input], [relu]);
        m.Op(BuiltinOperator.HardSwish, [relu], [swish]);
        m.Op(BuiltinOperator.Logistic, [swish], [output]);

        var expected = x
            .Select(v => Math.Max(v, 0f))
            .Select(v => v * Math.Clamp(v + 3f, 0f, 6f) / 6f)
            .Select(v => 1f / (1f + MathF.Exp(-v)))
            .ToArray();
        AssertClose(expected, ConvertAndRun(m.Build(input, output), x), 1e-6f);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Squeeze_excite_global_pool_or_mean_then_channel_broadcast_mul_and_add(bool useMean)
    {
        const int h = 3, w = 4, c = 3;
        var x = RandomValues(h * w * c, 13);
        var m = new SyntheticModel();
        var input = m.Activation("in", 1, h, w, c);
        var pooled = m.Activation("pooled", 1, 1, 1, c);
        var scaled = m.Activation("scaled", 1, h, w, c);
        var output = m.Activation("out", 1, h, w, c);
        if (useMean)
        {
            var axes = m.IntConstant("axes", [1, 2], 2);
            m.Op(BuiltinOperator.Mean, [input, axes], [pooled], new ReducerOptions(true));
        }
        else
        {
            m.Op(BuiltinOperator.AveragePool2D, [input], [pooled], new Pool2DOptions(Padding.Valid, 1, 1, w, h));
        }
        m.Op(BuiltinOperator.Mul, [input, pooled], [scaled], new ElementwiseOptions(FusedActivation.None));
        m.Op(BuiltinOperator.Add, [scaled, input], [output], new ElementwiseOptions(FusedActivation.None));

        var mean = new float[c];
        for (var i = 0; i < x.Length; i++)
        {
            mean[i % c] += x[i] / (h * w);
        }
        var expected = x.Select((v, i) => v * mean[i % c] + v).ToArray();
        AssertClose(expected, ConvertAndRun(m.Build(input, output), x), 1e-5f);
    }

    [Fact]
    public void Unsupported_operator_fails_naming_the_op()
    {
        var m = new SyntheticModel();
        var input = m.Activation("in", 1, 2, 2, 1);
        var output = m.Activation("out", 1, 2, 2, 1);
        m.Op((BuiltinOperator)25, [input], [output]);

        var error = Assert.Throws<UnsupportedOperatorException>(() => TfliteToOnnxConverter.Convert(m.Build(input, output), TestProvenance));
        Assert.Contains("SOFTMAX", error.Message);
    }

    [Fact]
    public void Unsupported_custom_operator_fails_naming_the_op()
    {
        var m = new SyntheticModel();
        var input = m.Activation("in", 1, 2, 2, 1);
        var output = m.Activation("out", 1, 2, 2, 1);
        m.Op(BuiltinOperator.Custom, [input], [output], customCode: "MaxPoolingWithArgmax2D");

        var error = Assert.Throws<UnsupportedOperatorException>(() => TfliteToOnnxConverter.Convert(m.Build(input, output), TestProvenance));
        Assert.Contains("CUSTOM(MaxPoolingWithArgmax2D)", error.Message);
    }

    [Fact]
    public void Non_global_average_pool_is_refused_clearly()
    {
        var m = new SyntheticModel();
        var input = m.Activation("in", 1, 4, 4, 1);
        var output = m.Activation("out", 1, 2, 2, 1);
        m.Op(BuiltinOperator.AveragePool2D, [input], [output], new Pool2DOptions(Padding.Valid, 2, 2, 2, 2));

        var error = Assert.Throws<UnsupportedOperatorException>(() => TfliteToOnnxConverter.Convert(m.Build(input, output), TestProvenance));
        Assert.Contains("AVERAGE_POOL_2D", error.Message);
    }
}
