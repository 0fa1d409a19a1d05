namespace SparkVideo.TfliteToOnnx.Conversion.Ops;

/// <summary>ADD and MUL. NHWC broadcasting of [1,1,1,C] becomes [1,C,1,1] in NCHW, so it carries over.</summary>
public static class ElementwiseOps
{
    public static void Add(TfliteOperator op, ConversionContext context) => Binary(op, context, "Add");

    public static void Mul(TfliteOperator op, ConversionContext context) => Binary(op, context, "Mul");

    private static void Binary(TfliteOperator op, ConversionContext context, string onnxOp)
    {
        var activation = (op.Options as ElementwiseOptions)?.Activation ?? FusedActivation.None;
        var left = Operand(op, context, op.Inputs[0], "a");
        var right = Operand(op, context, op.Inputs[1], "b");
        var preActivation = ActivationOps.PreActivationName(op, context, activation);
        context.AddNode(op, onnxOp, [left, right], [preActivation]);
        ActivationOps.EmitFused(op, context, activation, preActivation);
    }

    /// <summary>Activations are already NCHW; constants are laid out here so that broadcasting still lines up.</summary>
    private static string Operand(TfliteOperator op, ConversionContext context, int tensorIndex, string role)
    {
        if (!context.IsConstant(tensorIndex))
        {
            return context.ValueName(tensorIndex);
        }
        var values = context.ConstantFloats(tensorIndex, op);
        var shape = context.Shape(tensorIndex);
        var name = $"op{op.Index}_{role}";
        if (values.Length == 1)
        {
            return context.AddInitializer(name, values, []);
        }
        return shape.Length switch
        {
            4 => AddPermuted(context, name, values, shape),
            1 => context.AddInitializer(name, values, [shape[0], 1, 1]), // per-channel vector
            _ => throw new UnsupportedOperatorException(
                $"{op.DisplayName} (operator {op.Index}): constant operand of rank {shape.Length} is not supported"),
        };
    }

    private static string AddPermuted(ConversionContext context, string name, float[] values, int[] shape)
    {
        var (data, dims) = WeightLayout.Permute(values, shape, WeightLayout.NhwcToNchw);
        return context.AddInitializer(name, data, dims);
    }
}
