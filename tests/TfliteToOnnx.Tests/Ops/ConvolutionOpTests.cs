using static SparkVideo.TfliteToOnnx.Tests.Support.OnnxRunner;

namespace SparkVideo.TfliteToOnnx.Tests.Ops;

public class ConvolutionOpTests
{
    [Theory]
    [InlineData(6, 6, 2, 3, 3, 2)]  // even input, stride 2: asymmetric SAME padding
    [InlineData(7, 5, 3, 4, 3, 2)]  // odd input, stride 2
    [InlineData(5, 6, 4, 2, 3, 1)]
    [InlineData(4, 4, 3, 5, 1, 1)]  // 1x1 (VALID and SAME agree)
    public void Conv2D_same_matches_reference(int h, int w, int cin, int cout, int k, int stride)
    {
        var x = RandomValues(h * w * cin, 1);
        var weights = RandomValues(cout * k * k * cin, 2);
        var bias = RandomValues(cout, 3);
        var (oh, _) = ReferenceOps.Same(h, k, stride);
        var (ow, _) = ReferenceOps.Same(w, k, stride);

        var m = new SyntheticModel();
        var input = m.Activation("in", 1, h, w, cin);
        var wt = m.Constant("w", weights, cout, k, k, cin);
        var b = m.Constant("b", bias, cout);
        var output = m.Activation("out", 1, oh, ow, cout);
        m.Op(BuiltinOperator.Conv2D, [input, wt, b], [output], new Conv2DOptions(Padding.Same, stride, stride));

        AssertClose(ReferenceOps.Conv2DSame(x, h, w, cin, weights, cout, k, k, bias, stride), ConvertAndRun(m.Build(input, output), x));
    }

    [Fact]
    public void Conv2D_float16_weights_through_dequantize_are_folded_exactly()
    {
        const int h = 4, w = 4, cin = 2, cout = 3;
        // multiples of 1/64 are exact in float16, so the folded float32 weights equal the reference's.
        var weights = RandomValues(cout * 9 * cin, 4).Select(v => MathF.Round(v * 64) / 64).ToArray();
        var bias = new float[cout];
        var x = RandomValues(h * w * cin, 5);

        var m = new SyntheticModel();
        var input = m.Activation("in", 1, h, w, cin);
        var half = m.Float16Constant("w_fp16", weights, cout, 3, 3, cin);
        var wt = m.Activation("w", cout, 3, 3, cin);
        var b = m.Constant("b", bias, cout);
        var output = m.Activation("out", 1, 2, 2, cout);
        m.Op(BuiltinOperator.Dequantize, [half], [wt]);
        m.Op(BuiltinOperator.Conv2D, [input, wt, b], [output], new Conv2DOptions(Padding.Same, 2, 2));

        AssertClose(ReferenceOps.Conv2DSame(x, h, w, cin, weights, cout, 3, 3, bias, 2), ConvertAndRun(m.Build(input, output), x));
    }

    [Fact]
    public void Conv2D_fused_relu6_is_clipped()
    {
        var m = new SyntheticModel();
        var input = m.Activation("in", 1, 1, 3, 1);
        var wt = m.Constant("w", [10f], 1, 1, 1, 1);
        var b = m.Constant("b", [0f], 1);
        var output = m.Activation("out", 1, 1, 3, 1);
        m.Op(BuiltinOperator.Conv2D, [input, wt, b], [output], new Conv2DOptions(Padding.Valid, 1, 1, FusedActivation.Relu6));

        Assert.Equal([0f, 5f, 6f], ConvertAndRun(m.Build(input, output), [-1f, 0.5f, 2f]));
    }

    [Theory]
    [InlineData(8, 7, 3, 1, 5, 2)] // 5x5 stride 2, as in the model
    [InlineData(6, 6, 4, 1, 3, 1)]
    [InlineData(5, 4, 2, 2, 3, 2)] // depth multiplier 2: output channel c·m + j reads input channel c
    public void DepthwiseConv2D_same_matches_reference(int h, int w, int c, int multiplier, int k, int stride)
    {
        var cout = c * multiplier;
        var x = RandomValues(h * w * c, 6);
        var weights = RandomValues(k * k * cout, 7);
        var bias = RandomValues(cout, 8);
        var (oh, _) = ReferenceOps.Same(h, k, stride);
        var (ow, _) = ReferenceOps.Same(w, k, stride);

        var m = new SyntheticModel();
        var input = m.Activation("in", 1, h, w, c);
        var wt = m.Constant("w", weights, 1, k, k, cout);
        var b = m.Constant("b", bias, cout);
        var output = m.Activation("out", 1, oh, ow, cout);
        m.Op(BuiltinOperator.DepthwiseConv2D, [input, wt, b], [output], new DepthwiseConv2DOptions(Padding.Same, stride, stride, multiplier));

        AssertClose(ReferenceOps.DepthwiseSame(x, h, w, c, multiplier, weights, k, k, bias, stride), ConvertAndRun(m.Build(input, output), x));
    }

    [Theory]
    [InlineData(4, 5, 3, 2, 2, 2)] // the model's custom op: 2x2 stride 2, input channels != output channels
    [InlineData(3, 3, 2, 3, 3, 2)] // 3x3 stride 2 SAME: one row/column cropped at the end
    public void Convolution2D_transpose_bias_matches_reference(int h, int w, int cin, int cout, int k, int stride)
    {
        int oh = h * stride, ow = w * stride;
        var x = RandomValues(h * w * cin, 9);
        var weights = RandomValues(cout * k * k * cin, 10);
        var bias = RandomValues(cout, 11);

        var m = new SyntheticModel();
        var input = m.Activation("in", 1, h, w, cin);
        var wt = m.Constant("w", weights, cout, k, k, cin);
        var b = m.Constant("b", bias, cout);
        var output = m.Activation("out", 1, oh, ow, cout);
        m.Op(BuiltinOperator.Custom, [input, wt, b], [output], new TransposeConvBiasOptions(Padding.Same, stride, stride),
            CustomOperators.Convolution2DTransposeBias);

        AssertClose(ReferenceOps.TransposeConv(x, h, w, cin, weights, cout, k, k, bias, stride, oh, ow),
            ConvertAndRun(m.Build(input, output), x));
    }
}
