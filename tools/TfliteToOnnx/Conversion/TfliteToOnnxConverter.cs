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

    public static OnnxModel Convert(TfliteModel model, ModelProvenance provenance)
    {
        var context = new ConversionContext(model);
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
            model.Inputs.Select(i => ValueInfo(model.Tensors[i])).ToArray(),
            model.Outputs.Select(i => ValueInfo(model.Tensors[i])).ToArray());
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

    private static OnnxValueInfo ValueInfo(TfliteTensor tensor) =>
        new(tensor.Name, OnnxDataType.Float, tensor.Shape.Select(d => (long)d).ToArray());

    private static void RequireFloatImageTensor(TfliteTensor tensor, string role)
    {
        if (tensor.Type != TensorType.Float32 || tensor.Shape.Length != 4)
        {
            throw new UnsupportedOperatorException(
                $"graph {role} '{tensor.Name}' must be a rank-4 float32 NHWC tensor, found {tensor.Type} [{string.Join(",", tensor.Shape)}]");
        }
    }
}
