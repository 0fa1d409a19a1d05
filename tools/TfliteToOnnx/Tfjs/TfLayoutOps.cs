namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>Pad, Transpose, ConcatV2, SplitV, Reshape, the pools and the resizes.</summary>
internal static class TfLayoutOps
{
    public static void Pad(TfNode node, TfGraphContext context)
    {
        var pairs = context.Constant(node.Inputs[1], node).Ints!; // [rank, 2]: before, after per axis
        var rank = pairs.Length / 2;
        long[] pads = [.. Enumerable.Range(0, rank).Select(a => pairs[2 * a]), .. Enumerable.Range(0, rank).Select(a => pairs[2 * a + 1])];
        var inputs = new List<string> { context.Value(node.Inputs[0]), context.AddInt64(node.Name + "/pads", pads) };
        if (node.Op == "PadV2")
        {
            inputs.Add(context.Value(node.Inputs[2]));
        }
        context.Add("Pad", inputs, [node.Name], OnnxAttribute.Of("mode", "constant"));
    }

    public static void Transpose(TfNode node, TfGraphContext context) =>
        context.Add("Transpose", [context.Value(node.Inputs[0])], [node.Name],
            OnnxAttribute.Of("perm", context.Constant(node.Inputs[1], node).Ints!));

    public static void Concat(TfNode node, TfGraphContext context)
    {
        var axis = context.Constant(node.Inputs[^1], node).Ints![0];
        context.Add("Concat", [.. node.Inputs.SkipLast(1).Select(context.Value)], [node.Name], OnnxAttribute.Of("axis", axis));
    }

    public static void SplitV(TfNode node, TfGraphContext context)
    {
        var sizes = context.Constant(node.Inputs[1], node).Ints!;
        var axis = context.Constant(node.Inputs[2], node).Ints![0];
        context.Add("Split", [context.Value(node.Inputs[0]), context.AddInt64(node.Name + "/sizes", sizes)],
            [.. Enumerable.Range(0, sizes.Length).Select(i => TfGraphContext.OutputName(node, i))],
            OnnxAttribute.Of("axis", axis));
    }

    public static void Reshape(TfNode node, TfGraphContext context) =>
        context.Add("Reshape", [context.Value(node.Inputs[0]), context.AddInt64(node.Name + "/shape", context.Constant(node.Inputs[1], node).Ints!)],
            [node.Name]);

    public static void Pool(TfNode node, TfGraphContext context) =>
        TfLayoutWrapping.Nchw(context, node, context.Value(node.Inputs[0]), (nchwIn, nchwOut) =>
            context.Add(node.Op == "MaxPool" ? "MaxPool" : "AveragePool", [nchwIn], [nchwOut],
                TfLayoutWrapping.Spatial(node, "ksize", "kernel_shape"),
                TfLayoutWrapping.Spatial(node, "strides", "strides"),
                TfLayoutWrapping.Padding(node)));

    /// <summary>ResizeBilinear / ResizeNearestNeighbor to a constant [height, width]; N and C come from the input's shape.</summary>
    public static void Resize(TfNode node, TfGraphContext context)
    {
        var size = context.ScaledResize(context.Constant(node.Inputs[1], node).Ints!, node);
        var coordinates = node.Bool("align_corners") ? "align_corners"
            : node.Bool("half_pixel_centers") ? (node.Op == "ResizeBilinear" ? "half_pixel" : "tf_half_pixel_for_nn")
            : "asymmetric";
        TfLayoutWrapping.Nchw(context, node, context.Value(node.Inputs[0]), (nchwIn, nchwOut) =>
        {
            var shape = context.NewName(node.Name + "/shape");
            var batchAndChannels = context.NewName(node.Name + "/nc");
            var sizes = context.NewName(node.Name + "/sizes");
            context.Add("Shape", [nchwIn], [shape]);
            context.Add("Slice", [shape, context.AddInt64("zero", 0), context.AddInt64("two", 2)], [batchAndChannels]);
            context.Add("Concat", [batchAndChannels, context.AddInt64(node.Name + "/hw", size)], [sizes], OnnxAttribute.Of("axis", 0L));
            context.Add("Resize", [nchwIn, "", "", sizes], [nchwOut],
                OnnxAttribute.Of("mode", node.Op == "ResizeBilinear" ? "linear" : "nearest"),
                OnnxAttribute.Of("coordinate_transformation_mode", coordinates),
                OnnxAttribute.Of("nearest_mode", node.Bool("half_pixel_centers") ? "round_prefer_ceil" : "floor"));
        });
    }
}
