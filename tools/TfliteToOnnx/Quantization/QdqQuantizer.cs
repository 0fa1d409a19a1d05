using System.Runtime.InteropServices;

namespace SparkVideo.TfliteToOnnx.Quantization;

/// <summary>
/// Rewrites a float model into ONNX's QDQ form: every Conv over an image-sized activation gets int8 per-channel
/// weights and an int32 bias behind DequantizeLinear, and QuantizeLinear → DequantizeLinear pairs (uint8) on its
/// input and on its output (after the ReLU that follows it, if one does). ONNX Runtime's CPU provider fuses each
/// DQ → Conv (→ Relu) → Q group into one QLinearConv. The squeeze-and-excite convs (1x1 maps), the elementwise ops,
/// the resizes and the final transposed conv stay float.
/// </summary>
public static class QdqQuantizer
{
    public static OnnxModel Quantize(OnnxModel model, IReadOnlyDictionary<string, ActivationStats> activations, string description)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(activations);
        var graph = model.Graph;
        var initializers = graph.Initializers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var consumers = Consumers(graph.Nodes);
        var newInitializers = new List<OnnxTensor>();
        var quantized = new Dictionary<string, UInt8Quantization>(StringComparer.Ordinal); // tensor → its Q/DQ pair
        var replacedWeights = new HashSet<string>(StringComparer.Ordinal);
        var rewritten = new List<OnnxNode>(graph.Nodes.Count);

        foreach (var node in graph.Nodes)
        {
            if (!IsQuantizable(node, initializers, activations))
            {
                rewritten.Add(node);
                continue;
            }
            var input = node.Inputs[0];
            var inputQuantization = quantized.TryGetValue(input, out var known)
                ? known
                : quantized[input] = UInt8Quantization.ForRange(activations[input].Min, activations[input].Max);
            var output = QuantizationPoint(node.Outputs[0], graph.Nodes, consumers);
            if (!quantized.ContainsKey(output) && activations.TryGetValue(output, out var outputStats))
            {
                quantized[output] = UInt8Quantization.ForRange(outputStats.Min, outputStats.Max);
            }

            var weight = initializers[node.Inputs[1]];
            var weightFloats = MemoryMarshal.Cast<byte, float>(weight.RawData).ToArray();
            var weights = PerChannelWeights.Quantize(weightFloats, (int)weight.Dims[0]);
            var inputs = new List<string> { DequantizedName(input), AddWeight(newInitializers, weight, weights, rewritten) };
            if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
            {
                var bias = initializers[node.Inputs[2]];
                inputs.Add(AddBias(newInitializers, bias, weights, inputQuantization.Scale, rewritten));
                replacedWeights.Add(bias.Name);
            }
            replacedWeights.Add(weight.Name);
            rewritten.Add(node with { Inputs = inputs });
        }

        var nodes = new List<OnnxNode>(rewritten.Count + 2 * quantized.Count);
        foreach (var node in rewritten)
        {
            nodes.Add(node with { Inputs = [.. node.Inputs.Select(i => ConsumerInput(node, i, quantized))] });
            foreach (var output in node.Outputs.Where(quantized.ContainsKey))
            {
                AddQuantizeDequantize(nodes, newInitializers, output, quantized[output]);
            }
        }
        foreach (var graphInput in graph.Inputs.Select(i => i.Name).Where(quantized.ContainsKey))
        {
            throw new NotSupportedException($"graph input '{graphInput}' feeds a Conv directly; quantize after the layout transpose");
        }

        var quantizedGraph = graph with
        {
            Nodes = nodes,
            Initializers = [.. graph.Initializers.Where(t => !replacedWeights.Contains(t.Name)), .. newInitializers],
        };
        return model with
        {
            DocString = model.DocString + " Quantized to int8 (QDQ): " + description,
            Graph = quantizedGraph,
            Metadata = [.. model.Metadata, new("quantization", description)],
        };
    }

    private static bool IsQuantizable(OnnxNode node, Dictionary<string, OnnxTensor> initializers,
        IReadOnlyDictionary<string, ActivationStats> activations) =>
        node.OpType == "Conv"
        && initializers.ContainsKey(node.Inputs[1])
        && activations.TryGetValue(node.Inputs[0], out var input)
        && input.SpatialSize > 1;

    /// <summary>The tensor to quantize after a Conv: the output of a ReLU that is its only consumer, else its own output.</summary>
    private static string QuantizationPoint(string convOutput, IReadOnlyList<OnnxNode> nodes, Dictionary<string, List<int>> consumers)
    {
        if (consumers.TryGetValue(convOutput, out var users) && users.Count == 1 && nodes[users[0]].OpType == "Relu")
        {
            return nodes[users[0]].Outputs[0];
        }
        return convOutput;
    }

    private static string ConsumerInput(OnnxNode node, string input, Dictionary<string, UInt8Quantization> quantized) =>
        quantized.ContainsKey(input) && node.OpType != "QuantizeLinear" ? DequantizedName(input) : input;

    private static string DequantizedName(string tensor) => tensor + "_dq";

    private static void AddQuantizeDequantize(List<OnnxNode> nodes, List<OnnxTensor> initializers, string tensor, UInt8Quantization q)
    {
        var scale = tensor + "_scale";
        var zeroPoint = tensor + "_zero_point";
        initializers.Add(new OnnxTensor(scale, OnnxDataType.Float, [], BitConverter.GetBytes(q.Scale)));
        initializers.Add(new OnnxTensor(zeroPoint, OnnxDataType.UInt8, [], [q.ZeroPoint]));
        nodes.Add(new OnnxNode(tensor + "_quantize", "QuantizeLinear", [tensor, scale, zeroPoint], [tensor + "_q"], []));
        nodes.Add(new OnnxNode(tensor + "_dequantize", "DequantizeLinear", [tensor + "_q", scale, zeroPoint],
            [DequantizedName(tensor)], []));
    }

    private static string AddWeight(List<OnnxTensor> initializers, OnnxTensor weight, PerChannelWeights weights, List<OnnxNode> nodes)
    {
        var name = weight.Name + "_int8";
        initializers.Add(new OnnxTensor(name, OnnxDataType.Int8, weight.Dims, MemoryMarshal.AsBytes(weights.Values.AsSpan()).ToArray()));
        initializers.Add(new OnnxTensor(name + "_scale", OnnxDataType.Float, [weights.Scales.Length],
            MemoryMarshal.AsBytes(weights.Scales.AsSpan()).ToArray()));
        initializers.Add(new OnnxTensor(name + "_zero_point", OnnxDataType.Int8, [weights.Scales.Length], new byte[weights.Scales.Length]));
        nodes.Add(new OnnxNode(name + "_dequantize", "DequantizeLinear", [name, name + "_scale", name + "_zero_point"],
            [weight.Name], [OnnxAttribute.Of("axis", 0L)]));
        return weight.Name;
    }

    private static string AddBias(List<OnnxTensor> initializers, OnnxTensor bias, PerChannelWeights weights, float inputScale,
        List<OnnxNode> nodes)
    {
        var (values, scales) = weights.QuantizeBias(MemoryMarshal.Cast<byte, float>(bias.RawData).ToArray(), inputScale);
        var name = bias.Name + "_int32";
        initializers.Add(new OnnxTensor(name, OnnxDataType.Int32, bias.Dims, MemoryMarshal.AsBytes(values.AsSpan()).ToArray()));
        initializers.Add(new OnnxTensor(name + "_scale", OnnxDataType.Float, [scales.Length],
            MemoryMarshal.AsBytes(scales.AsSpan()).ToArray()));
        initializers.Add(new OnnxTensor(name + "_zero_point", OnnxDataType.Int32, [scales.Length], new byte[scales.Length * sizeof(int)]));
        nodes.Add(new OnnxNode(name + "_dequantize", "DequantizeLinear", [name, name + "_scale", name + "_zero_point"],
            [bias.Name], [OnnxAttribute.Of("axis", 0L)]));
        return bias.Name;
    }

    private static Dictionary<string, List<int>> Consumers(IReadOnlyList<OnnxNode> nodes)
    {
        var consumers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var input in nodes[i].Inputs.Where(n => n.Length > 0))
            {
                (consumers.TryGetValue(input, out var list) ? list : consumers[input] = []).Add(i);
            }
        }
        return consumers;
    }
}
