namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>Conv2D, DepthwiseConv2dNative and Grappler's fused forms (bias and activation folded in).</summary>
internal static class TfConvolutionOps
{
    public static void Conv2D(TfNode node, TfGraphContext context) => Convolution(node, context, depthwise: false);

    public static void Depthwise(TfNode node, TfGraphContext context) => Convolution(node, context, depthwise: true);

    private static void Convolution(TfNode node, TfGraphContext context, bool depthwise)
    {
        var filter = context.Constant(node.Inputs[1], node); // HWIO, or HW(in)(multiplier) for depthwise
        var (h, w, cin, cout) = (filter.Shape[0], filter.Shape[1], filter.Shape[2], filter.Shape[3]);
        var source = filter.Floats!;
        var outChannels = depthwise ? cin * cout : cout;
        var perGroupIn = depthwise ? 1 : cin;
        var weights = new float[outChannels * perGroupIn * h * w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var i = 0; i < cin; i++)
                {
                    for (var o = 0; o < cout; o++)
                    {
                        var value = source[((y * w + x) * cin + i) * cout + o];
                        var (onnxOut, onnxIn) = depthwise ? (i * cout + o, 0) : (o, i);
                        weights[((onnxOut * perGroupIn + onnxIn) * h + y) * w + x] = value;
                    }
                }
            }
        }
        var weightName = context.AddFloats(node.Name + "/weights", weights, [outChannels, perGroupIn, h, w]);
        var fused = FusedOps(node);
        var inputs = new List<string> { "", weightName };
        if (fused.Count > 0 && fused[0] == "BiasAdd")
        {
            inputs.Add(context.Value(node.Inputs[2]));
            fused.RemoveAt(0);
        }
        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Of("kernel_shape", h, w),
            TfLayoutWrapping.Spatial(node, "strides", "strides"),
            TfLayoutWrapping.Spatial(node, "dilations", "dilations"),
            TfLayoutWrapping.Padding(node),
        };
        if (depthwise)
        {
            attributes.Add(OnnxAttribute.Of("group", (long)cin));
        }
        TfLayoutWrapping.Nchw(context, node, context.Value(node.Inputs[0]), (nchwIn, nchwOut) =>
        {
            inputs[0] = nchwIn;
            if (fused.Count == 0)
            {
                context.Add("Conv", inputs, [nchwOut], [.. attributes]);
                return;
            }
            var convolved = context.NewName(node.Name + "/conv");
            context.Add("Conv", inputs, [convolved], [.. attributes]);
            TfActivationOps.Emit(node, fused.Single(), convolved, nchwOut, context);
        });
    }

    private static List<string> FusedOps(TfNode node) =>
        node.Attributes.TryGetValue("fused_ops", out var value) && value.GetProperty("list").TryGetProperty("s", out var list)
            ? [.. list.EnumerateArray().Select(s => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(s.GetString()!)))]
            : [];
}
