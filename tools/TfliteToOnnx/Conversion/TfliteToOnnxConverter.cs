namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>
/// Converts a TFLite model to ONNX opset 17. The interface stays NHWC (one Transpose at each end);
/// everything in between is NCHW.
/// </summary>
public static class TfliteToOnnxConverter
{
    public const long OpsetVersion = 17;
    public const long IrVersion = 8;
    public const string ConverterName = "SparkVideo tools/TfliteToOnnx 1.0";

    /// <param name="inputSize">
    /// Another spatial size (height, width) for the model's image input than the one it was made for: every feature
    /// map and fixed resize scales with it, so every map must scale to a whole size. Null keeps the model's own size.
    /// </param>
    public static OnnxModel Convert(TfliteModel model, ModelProvenance provenance, (int Height, int Width)? inputSize = null)
    {
        var scale = SpatialScale(model, inputSize);
        var context = new ConversionContext(model) { SpatialScale = scale };
        foreach (var input in model.Inputs)
        {
            RequireFloatImageTensor(model.Tensors[input], "input");
            context.AddNode($"{model.Tensors[input].Name}_to_nchw", "Transpose",
                [model.Tensors[input].Name], [context.ValueName(input)], OnnxAttribute.Of("perm", 0, 3, 1, 2));
        }
        foreach (var op in model.Operators)
        {
            OperatorRegistry.Find(op)(op, context);
        }
        foreach (var output in model.Outputs)
        {
            var tensor = model.Tensors[output];
            if (tensor is { Type: TensorType.Float32, Shape.Length: 3 })
            {
                // A rank-3 output (a detector's boxes and scores) kept TFLite's layout inside the graph.
                context.AddNode($"{tensor.Name}_out", "Identity", [context.ValueName(output)], [tensor.Name]);
                continue;
            }
            RequireFloatImageTensor(tensor, "output");
            context.AddNode($"{tensor.Name}_to_nhwc", "Transpose",
                [context.ValueName(output)], [tensor.Name], OnnxAttribute.Of("perm", 0, 2, 3, 1));
        }

        var graph = new OnnxGraph(
            "selfie_segmentation",
            context.Nodes,
            context.Initializers,
            model.Inputs.Select(i => ValueInfo(model.Tensors[i], scale)).ToArray(),
            model.Outputs.Select(i => ValueInfo(model.Tensors[i], scale)).ToArray());
        var metadata = new List<KeyValuePair<string, string>>
        {
            new("license", provenance.License),
            new("source_file", provenance.SourceFile),
            new("source_sha256", provenance.SourceSha256),
            new("source_description", model.Description),
            new("converter", ConverterName),
        };
        return new OnnxModel(IrVersion, OpsetVersion, "SparkVideo.TfliteToOnnx", "1.0",
            $"Converted from {provenance.SourceFile} (sha256 {provenance.SourceSha256}); a modified form of the original model.",
            graph, metadata);
    }

    private static OnnxValueInfo ValueInfo(TfliteTensor tensor, (double Height, double Width) scale) =>
        new(tensor.Name, OnnxDataType.Float, tensor.Shape.Length == 4
            ? [tensor.Shape[0], Scaled(tensor.Shape[1], scale.Height), Scaled(tensor.Shape[2], scale.Width), tensor.Shape[3]]
            : tensor.Shape.Select(d => (long)d).ToArray());

    /// <summary>The factor by which <paramref name="inputSize"/> scales the model's spatial sizes, checked on every feature map.</summary>
    private static (double Height, double Width) SpatialScale(TfliteModel model, (int Height, int Width)? inputSize)
    {
        if (inputSize is not { } size)
        {
            return (1, 1);
        }
        var input = model.Tensors[model.Inputs.Single()].Shape;
        if (input.Length != 4)
        {
            throw new UnsupportedOperatorException($"--input-size needs a rank-4 image input; the model's has rank {input.Length}");
        }
        var scale = (Height: size.Height / (double)input[1], Width: size.Width / (double)input[2]);
        // A 1x1 map (a global pool's) stays 1x1 at any size.
        var maps = FeatureMaps(model).Select(i => model.Tensors[i]).Where(t => t.Shape.Length == 4 && !(t.Shape[1] == 1 && t.Shape[2] == 1)).ToList();
        foreach (var tensor in maps)
        {
            var (h, w) = (tensor.Shape[1] * scale.Height, tensor.Shape[2] * scale.Width);
            if (Math.Abs(h - Math.Round(h)) > 1e-9 || Math.Abs(w - Math.Round(w)) > 1e-9)
            {
                // Each map is the input divided by its stride: a size that keeps them all whole is a multiple of the largest.
                var (strideH, strideW) = (maps.Max(t => input[1] / t.Shape[1]), maps.Max(t => input[2] / t.Shape[2]));
                throw new UnsupportedOperatorException(
                    $"--input-size {size.Width}x{size.Height} does not scale the model's {tensor.Shape[2]}x{tensor.Shape[1]} feature map " +
                    $"('{tensor.Name}') to a whole size; use a width that is a multiple of {strideW} and a height that is a multiple of {strideH}");
            }
        }
        return scale;
    }

    /// <summary>The tensors computed from the model's input (its weights, dequantized or not, are not).</summary>
    private static HashSet<int> FeatureMaps(TfliteModel model)
    {
        var maps = model.Inputs.ToHashSet();
        foreach (var op in model.Operators.Where(op => op.Inputs.Any(maps.Contains)))
        {
            maps.UnionWith(op.Outputs);
        }
        return maps;
    }

    /// <summary>A spatial size scaled by a factor that <see cref="SpatialScale"/> has checked leaves it whole.</summary>
    public static long Scaled(int size, double scale) => (long)Math.Round(size * scale);

    private static void RequireFloatImageTensor(TfliteTensor tensor, string role)
    {
        if (tensor.Type != TensorType.Float32 || tensor.Shape.Length != 4)
        {
            throw new UnsupportedOperatorException(
                $"graph {role} '{tensor.Name}' must be a rank-4 float32 NHWC tensor, found {tensor.Type} [{string.Join(",", tensor.Shape)}]");
        }
    }
}
