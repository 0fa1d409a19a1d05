namespace SparkVideo.TfliteToOnnx.Conversion.Ops;

/// <summary>The MediaPipe custom op Convolution2DTransposeBias → ConvTranspose with bias.</summary>
public static class TransposeConvolutionOps
{
    public static void Convolution2DTransposeBias(TfliteOperator op, ConversionContext context)
    {
        var options = ConvolutionOps.RequireOptions<TransposeConvBiasOptions>(op);
        var inputShape = context.Shape(op.Inputs[0]);   // NHWC
        var outputShape = context.Shape(op.Outputs[0]); // NHWC
        var weightShape = context.Shape(op.Inputs[1]);  // [O, kh, kw, I]
        var (weights, dims) = WeightLayout.Permute(
            context.ConstantFloats(op.Inputs[1], op), weightShape, WeightLayout.TransposeConvOhwiToIohw);
        var kernelH = weightShape[1];
        var kernelW = weightShape[2];

        var (top, bottom, extraH) = TfPadding.ForTransposedConvolution(inputShape[1], outputShape[1], kernelH, options.StrideH);
        var (left, right, extraW) = TfPadding.ForTransposedConvolution(inputShape[2], outputShape[2], kernelW, options.StrideW);
        if (options.Padding == Padding.Valid && (top | bottom | left | right) != 0)
        {
            throw new UnsupportedOperatorException(
                $"{op.DisplayName} (operator {op.Index}): VALID padding but the output shape implies a crop");
        }

        var inputs = new List<string>
        {
            context.ValueName(op.Inputs[0]),
            context.AddInitializer($"op{op.Index}_weight", weights, dims),
        };
        if (op.Inputs.Length > 2 && op.Inputs[2] >= 0)
        {
            var bias = context.ConstantFloats(op.Inputs[2], op);
            inputs.Add(context.AddInitializer($"op{op.Index}_bias", bias, [bias.Length]));
        }

        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Of("kernel_shape", kernelH, kernelW),
            OnnxAttribute.Of("pads", top, left, bottom, right),
            OnnxAttribute.Of("strides", options.StrideH, options.StrideW),
        };
        if (extraH != 0 || extraW != 0)
        {
            attributes.Add(OnnxAttribute.Of("output_padding", extraH, extraW));
        }
        context.AddNode(op, "ConvTranspose", inputs, [context.ValueName(op.Outputs[0])], [.. attributes]);
    }
}
