namespace SparkVideo.TfliteToOnnx.Conversion.Ops;

/// <summary>Global AVERAGE_POOL_2D and MEAN over spatial axes (the squeeze-and-excite blocks).</summary>
public static class PoolingOps
{
    public static void AveragePool2D(TfliteOperator op, ConversionContext context)
    {
        var options = ConvolutionOps.RequireOptions<Pool2DOptions>(op);
        var input = context.Shape(op.Inputs[0]);
        var isGlobal = options.FilterHeight == input[1] && options.FilterWidth == input[2] && options.Padding == Padding.Valid;
        if (!isGlobal)
        {
            throw new UnsupportedOperatorException(
                $"AVERAGE_POOL_2D (operator {op.Index}): only global pooling (filter = whole {input[1]}x{input[2]} map, VALID) is supported, " +
                $"found filter {options.FilterHeight}x{options.FilterWidth} {options.Padding}");
        }
        var preActivation = ActivationOps.PreActivationName(op, context, options.Activation);
        context.AddNode(op, "GlobalAveragePool", [context.ValueName(op.Inputs[0])], [preActivation]);
        ActivationOps.EmitFused(op, context, options.Activation, preActivation);
    }

    public static void Mean(TfliteOperator op, ConversionContext context)
    {
        var keepDims = (op.Options as ReducerOptions)?.KeepDims ?? false;
        var rank = context.Shape(op.Inputs[0]).Length;
        if (!keepDims || rank != 4)
        {
            throw new UnsupportedOperatorException(
                $"MEAN (operator {op.Index}): only keep_dims=true on a rank-4 tensor is supported (the graph stays rank 4 NCHW)");
        }
        var nchwAxes = context.ConstantInts(op.Inputs[1], op)
            .Select(axis => (long)NhwcAxisToNchw(axis < 0 ? axis + rank : axis))
            .Order()
            .ToArray();
        context.AddNode(op, "ReduceMean", [context.ValueName(op.Inputs[0])], [context.ValueName(op.Outputs[0])],
            OnnxAttribute.Of("axes", nchwAxes),
            OnnxAttribute.Of("keepdims", 1L));
    }

    private static int NhwcAxisToNchw(int axis) => axis switch
    {
        0 => 0,
        1 => 2,
        2 => 3,
        3 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis of a rank-4 tensor"),
    };
}
