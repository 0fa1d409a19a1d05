using SparkVideo.TfliteToOnnx.Conversion.Ops;

namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>Which converter handles which TFLite operator.</summary>
public static class OperatorRegistry
{
    private static readonly Dictionary<BuiltinOperator, Action<TfliteOperator, ConversionContext>> Builtins = new()
    {
        [BuiltinOperator.Dequantize] = DequantizeOps.Dequantize,
        [BuiltinOperator.Conv2D] = ConvolutionOps.Conv2D,
        [BuiltinOperator.DepthwiseConv2D] = ConvolutionOps.DepthwiseConv2D,
        [BuiltinOperator.Relu] = ActivationOps.Relu,
        [BuiltinOperator.HardSwish] = ActivationOps.HardSwish,
        [BuiltinOperator.Logistic] = ActivationOps.Logistic,
        [BuiltinOperator.Add] = ElementwiseOps.Add,
        [BuiltinOperator.Mul] = ElementwiseOps.Mul,
        [BuiltinOperator.AveragePool2D] = PoolingOps.AveragePool2D,
        [BuiltinOperator.Mean] = PoolingOps.Mean,
        [BuiltinOperator.ResizeBilinear] = ResizeOps.ResizeBilinear,
        [BuiltinOperator.Pad] = LayoutOps.Pad,
        [BuiltinOperator.Reshape] = LayoutOps.Reshape,
        [BuiltinOperator.Concatenation] = LayoutOps.Concatenation,
        [BuiltinOperator.DepthToSpace] = LayoutOps.DepthToSpace,
    };

    private static readonly Dictionary<string, Action<TfliteOperator, ConversionContext>> Customs = new(StringComparer.Ordinal)
    {
        [CustomOperators.Convolution2DTransposeBias] = TransposeConvolutionOps.Convolution2DTransposeBias,
    };

    public static Action<TfliteOperator, ConversionContext> Find(TfliteOperator op)
    {
        var found = op.Code == BuiltinOperator.Custom
            ? Customs.GetValueOrDefault(op.CustomCode ?? "")
            : Builtins.GetValueOrDefault(op.Code);
        return found ?? throw new UnsupportedOperatorException(
            $"unsupported TFLite operator {op.DisplayName} (operator {op.Index}); supported: " +
            string.Join(", ", Builtins.Keys.Select(BuiltinOperatorNames.Get).Concat(Customs.Keys.Select(c => $"CUSTOM({c})"))));
    }
}
