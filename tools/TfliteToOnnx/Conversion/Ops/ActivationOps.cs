namespace SparkVideo.TfliteToOnnx.Conversion.Ops;

/// <summary>RELU, LOGISTIC, HARD_SWISH, and the fused activations other ops may carry.</summary>
public static class ActivationOps
{
    public static void Relu(TfliteOperator op, ConversionContext context) => Unary(op, context, "Relu");

    public static void Logistic(TfliteOperator op, ConversionContext context) => Unary(op, context, "Sigmoid");

    /// <summary>x · relu6(x + 3) / 6; ONNX HardSwish (opset ≥ 14) is the same formula.</summary>
    public static void HardSwish(TfliteOperator op, ConversionContext context) => Unary(op, context, "HardSwish");

    /// <summary>
    /// Returns the value name the main node should write: the op's output itself when there is no fused
    /// activation, otherwise a temporary that <see cref="EmitFused"/> then feeds into the activation.
    /// </summary>
    public static string PreActivationName(TfliteOperator op, ConversionContext context, FusedActivation activation) =>
        activation == FusedActivation.None
            ? context.ValueName(op.Outputs[0])
            : context.NewValueName(context.ValueName(op.Outputs[0]) + "_preact");

    public static void EmitFused(TfliteOperator op, ConversionContext context, FusedActivation activation, string preActivation)
    {
        var output = context.ValueName(op.Outputs[0]);
        switch (activation)
        {
            case FusedActivation.None:
                return;
            case FusedActivation.Relu:
                context.AddNode(op, "Relu", [preActivation], [output]);
                return;
            case FusedActivation.Tanh:
                context.AddNode(op, "Tanh", [preActivation], [output]);
                return;
            case FusedActivation.Relu6:
                Clip(op, context, preActivation, output, 0f, 6f);
                return;
            case FusedActivation.ReluN1To1:
                Clip(op, context, preActivation, output, -1f, 1f);
                return;
            default:
                throw new UnsupportedOperatorException(
                    $"{op.DisplayName} (operator {op.Index}): fused activation {activation} is not supported");
        }
    }

    private static void Clip(TfliteOperator op, ConversionContext context, string input, string output, float min, float max)
    {
        var minName = context.AddInitializer($"op{op.Index}_clip_min", [min], []);
        var maxName = context.AddInitializer($"op{op.Index}_clip_max", [max], []);
        context.AddNode(op, "Clip", [input, minName, maxName], [output]);
    }

    private static void Unary(TfliteOperator op, ConversionContext context, string onnxOp) =>
        context.AddNode(op, onnxOp, [context.ValueName(op.Inputs[0])], [context.ValueName(op.Outputs[0])]);
}
