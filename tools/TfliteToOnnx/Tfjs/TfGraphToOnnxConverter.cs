using SparkVideo.TfliteToOnnx.Conversion;

namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>
/// Converts a TF.js graph model to ONNX opset 17 with the graph's own interface (names, shapes and layout of its
/// signature's inputs and outputs). The op set is what the project's detector models use; anything else is refused
/// by name.
/// </summary>
public static class TfGraphToOnnxConverter
{
    private static readonly Dictionary<string, Action<TfNode, TfGraphContext>> Ops = Build();

    /// <param name="inputSize">
    /// Another spatial size (height, width) for the graph's one image input than the one it was traced at; the graph's
    /// fixed resizes scale with it and the outputs' shapes are left unstated. Null keeps the traced size.
    /// </param>
    public static OnnxModel Convert(TfjsGraphModel model, ModelProvenance provenance, (int Height, int Width)? inputSize = null)
    {
        var inputs = model.Inputs;
        var scale = (1.0, 1.0);
        if (inputSize is { } size)
        {
            var (name, shape) = model.Inputs.Single();
            if (shape.Length != 4)
            {
                throw new UnsupportedOperatorException($"--input-size needs a rank-4 image input; '{name}' has rank {shape.Length}");
            }
            var (h, w) = shape[1] == 3 ? (2, 3) : (1, 2); // NCHW (converted from ONNX) or NHWC
            scale = (size.Height / (double)shape[h], size.Width / (double)shape[w]);
            var resized = (int[])shape.Clone();
            (resized[h], resized[w]) = (size.Height, size.Width);
            inputs = [(name, resized)];
        }
        var context = new TfGraphContext(model.Constants, scale);
        foreach (var node in model.Nodes.Where(n => n.Op is not ("Const" or "Placeholder")))
        {
            if (!Ops.TryGetValue(node.Op, out var convert))
            {
                throw new UnsupportedOperatorException($"TF op {node.Op} ('{node.Name}') is not supported");
            }
            convert(node, context);
        }
        var graph = new OnnxGraph(
            provenance.SourceFile,
            context.Nodes,
            context.Initializers,
            [.. inputs.Select(i => new OnnxValueInfo(i.Name, OnnxDataType.Float, [.. i.Shape.Select(d => (long)d)]))],
            [.. model.Outputs.Select(o => new OnnxValueInfo(o.Name, OnnxDataType.Float, inputSize is null ? [.. o.Shape.Select(d => (long)d)] : null))]);
        var metadata = new List<KeyValuePair<string, string>>
        {
            new("license", provenance.License),
            new("source_file", provenance.SourceFile),
            new("source_sha256", provenance.SourceSha256),
            new("converter", TfliteToOnnxConverter.ConverterName),
        };
        return new OnnxModel(TfliteToOnnxConverter.IrVersion, TfliteToOnnxConverter.OpsetVersion, "SparkVideo.TfliteToOnnx", "1.0",
            $"Converted from {provenance.SourceFile} (sha256 {provenance.SourceSha256}); a modified form of the original model.",
            graph, metadata);
    }

    private static Dictionary<string, Action<TfNode, TfGraphContext>> Build()
    {
        var ops = new Dictionary<string, Action<TfNode, TfGraphContext>>(StringComparer.Ordinal)
        {
            ["Conv2D"] = TfConvolutionOps.Conv2D,
            ["_FusedConv2D"] = TfConvolutionOps.Conv2D,
            ["DepthwiseConv2dNative"] = TfConvolutionOps.Depthwise,
            ["FusedDepthwiseConv2dNative"] = TfConvolutionOps.Depthwise,
            ["Relu"] = TfActivationOps.Standalone,
            ["Relu6"] = TfActivationOps.Standalone,
            ["LeakyRelu"] = TfActivationOps.Standalone,
            ["Sigmoid"] = TfActivationOps.Standalone,
            ["Tanh"] = TfActivationOps.Standalone,
            ["Pad"] = TfLayoutOps.Pad,
            ["PadV2"] = TfLayoutOps.Pad,
            ["Transpose"] = TfLayoutOps.Transpose,
            ["ConcatV2"] = TfLayoutOps.Concat,
            ["SplitV"] = TfLayoutOps.SplitV,
            ["Reshape"] = TfLayoutOps.Reshape,
            ["MaxPool"] = TfLayoutOps.Pool,
            ["AvgPool"] = TfLayoutOps.Pool,
            ["ResizeBilinear"] = TfLayoutOps.Resize,
            ["ResizeNearestNeighbor"] = TfLayoutOps.Resize,
            ["Identity"] = TfElementwiseOps.Identity,
            ["SparseToDense"] = TfElementwiseOps.SparseToDense,
            ["Cast"] = TfElementwiseOps.Cast,
        };
        foreach (var op in TfElementwiseOps.BinaryOps)
        {
            ops[op] = TfElementwiseOps.Binary;
        }
        return ops;
    }
}
