namespace SparkVideo.TfliteToOnnx.Conversion.Ops;

/// <summary>CONV_2D and DEPTHWISE_CONV_2D → Conv with explicit pads.</summary>
public static class ConvolutionOps
{
    public static void Conv2D(TfliteOperator op, ConversionContext context)
    {
        var options = RequireOptions<Conv2DOptions>(op);
        var weightShape = context.Shape(op.Inputs[1]); // [O, kh, kw, I]
        var (weights, dims) = WeightLayout.Permute(context.ConstantFloats(op.Inputs[1], op), weightShape, WeightLayout.ConvOhwiToOihw);
        Emit(op, context, weights, dims, group: 1,
            options.Padding, options.StrideH, options.StrideW, options.DilationH, options.DilationW, options.Activation);
    }

    public static void DepthwiseConv2D(TfliteOperator op, ConversionContext context)
    {
        var options = RequireOptions<DepthwiseConv2DOptions>(op);
        var inputChannels = context.Shape(op.Inputs[0])[3];
        var weightShape = context.Shape(op.Inputs[1]); // [1, kh, kw, C·m]
        if (weightShape[0] != 1 || weightShape[3] % inputChannels != 0)
        {
            throw new UnsupportedOperatorException(
                $"DEPTHWISE_CONV_2D (operator {op.Index}): weight shape [{string.Join(",", weightShape)}] does not fit {inputChannels} input channels");
        }
        var (weights, dims) = WeightLayout.Permute(context.ConstantFloats(op.Inputs[1], op), weightShape, WeightLayout.DepthwiseToOnnx);
        Emit(op, context, weights, dims, group: inputChannels,
            options.Padding, options.StrideH, options.StrideW, options.DilationH, options.DilationW, options.Activation);
    }

    private static void Emit(TfliteOperator op, ConversionContext context, float[] weights, int[] onnxWeightDims, int group,
        Padding padding, int strideH, int strideW, int dilationH, int dilationW, FusedActivation activation)
    {
        var inputShape = context.Shape(op.Inputs[0]); // NHWC
        var kernelH = onnxWeightDims[2];
        var kernelW = onnxWeightDims[3];
        var (top, bottom) = TfPadding.ForConvolution(padding, inputShape[1], kernelH, strideH, dilationH);
        var (left, right) = TfPadding.ForConvolution(padding, inputShape[2], kernelW, strideW, dilationW);

        var inputs = new List<string>
        {
            context.ValueName(op.Inputs[0]),
            context.AddInitializer($"op{op.Index}_weight", weights, onnxWeightDims),
        };
        if (op.Inputs.Length > 2 && op.Inputs[2] >= 0)
        {
            var bias = context.ConstantFloats(op.Inputs[2], op);
            inputs.Add(context.AddInitializer($"op{op.Index}_bias", bias, [bias.Length]));
        }

        var preActivation = ActivationOps.PreActivationName(op, context, activation);
        context.AddNode(op, "Conv", inputs, [preActivation],
            OnnxAttribute.Of("dilations", dilationH, dilationW),
            OnnxAttribute.Of("group", (long)group),
            OnnxAttribute.Of("kernel_shape", kernelH, kernelW),
            OnnxAttribute.Of("pads", top, left, bottom, right),
            OnnxAttribute.Of("strides", strideH, strideW));
        ActivationOps.EmitFused(op, context, activation, preActivation);
    }

    internal static T RequireOptions<T>(TfliteOperator op) where T : OperatorOptions =>
        op.Options as T ?? throw new UnsupportedOperatorException(
            $"{op.DisplayName} (operator {op.Index}): missing {typeof(T).Name}");
}
