namespace SparkVideo.TfliteToOnnx.Conversion.Ops;

/// <summary>
/// PAD, RESHAPE, CONCATENATION and DEPTH_TO_SPACE. Rank-4 values are NCHW inside the graph; values of any other
/// rank keep TFLite's layout, so a RESHAPE out of rank 4 first transposes back to NHWC.
/// </summary>
public static class LayoutOps
{
    private static readonly int[] NhwcToNchwAxis = [0, 2, 3, 1];

    public static void Pad(TfliteOperator op, ConversionContext context)
    {
        var paddings = context.ConstantInts(op.Inputs[1], op); // NHWC [[n0, n1], [h0, h1], [w0, w1], [c0, c1]]
        if (paddings.Length != 8)
        {
            throw new UnsupportedOperatorException($"PAD (operator {op.Index}): only rank-4 inputs are supported");
        }
        long Before(int nhwcAxis) => paddings[2 * nhwcAxis];
        long After(int nhwcAxis) => paddings[2 * nhwcAxis + 1];
        var pads = context.AddInt64Initializer($"op{op.Index}_pads",
            [Before(0), Before(3), Before(1), Before(2), After(0), After(3), After(1), After(2)]);
        context.AddNode(op, "Pad", [context.ValueName(op.Inputs[0]), pads], [context.ValueName(op.Outputs[0])],
            OnnxAttribute.Of("mode", "constant"));
    }

    public static void Reshape(TfliteOperator op, ConversionContext context)
    {
        var input = context.ValueName(op.Inputs[0]);
        if (context.Shape(op.Inputs[0]).Length == 4)
        {
            var nhwc = context.NewValueName($"op{op.Index}_nhwc");
            context.AddNode(op, "Transpose", [input], [nhwc], OnnxAttribute.Of("perm", 0, 2, 3, 1));
            input = nhwc;
        }
        var target = context.Shape(op.Outputs[0]);
        if (target.Length == 4)
        {
            throw new UnsupportedOperatorException($"RESHAPE (operator {op.Index}): a rank-4 result is not supported");
        }
        var shape = context.AddInt64Initializer($"op{op.Index}_shape", [.. target.Select(d => (long)d)]);
        context.AddNode(op, "Reshape", [input, shape], [context.ValueName(op.Outputs[0])]);
    }

    public static void Concatenation(TfliteOperator op, ConversionContext context)
    {
        var options = op.Options as ConcatenationOptions ?? new ConcatenationOptions(0, FusedActivation.None);
        var rank = context.Shape(op.Outputs[0]).Length;
        var axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        if (rank == 4)
        {
            axis = Array.IndexOf(NhwcToNchwAxis, axis);
        }
        var preActivation = ActivationOps.PreActivationName(op, context, options.Activation);
        context.AddNode(op, "Concat", [.. op.Inputs.Select(context.ValueName)], [preActivation], OnnxAttribute.Of("axis", axis));
        ActivationOps.EmitFused(op, context, options.Activation, preActivation);
    }

    /// <summary>TF's depth_to_space takes depth index (i * block + j) * C + c: ONNX DepthToSpace in DCR mode.</summary>
    public static void DepthToSpace(TfliteOperator op, ConversionContext context)
    {
        var block = (op.Options as DepthToSpaceOptions)?.BlockSize ?? throw new UnsupportedOperatorException(
            $"DEPTH_TO_SPACE (operator {op.Index}): block size missing");
        context.AddNode(op, "DepthToSpace", [context.ValueName(op.Inputs[0])], [context.ValueName(op.Outputs[0])],
            OnnxAttribute.Of("blocksize", block), OnnxAttribute.Of("mode", "DCR"));
    }
}
