using SparkVideo.TfliteToOnnx.Conversion;

namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>Element-wise activations, standalone or fused into a convolution.</summary>
internal static class TfActivationOps
{
    public static void Standalone(TfNode node, TfGraphContext context) =>
        Emit(node, node.Op, context.Value(node.Inputs[0]), node.Name, context);

    public static void Emit(TfNode node, string activation, string input, string output, TfGraphContext context)
    {
        switch (activation)
        {
            case "Relu":
            case "Sigmoid":
            case "Tanh":
                context.Add(activation, [input], [output]);
                break;
            case "Relu6":
                context.Add("Clip", [input, context.AddFloats("zero", [0f], []), context.AddFloats("six", [6f], [])], [output]);
                break;
            case "LeakyRelu":
                var alpha = node.Attributes.ContainsKey("leakyrelu_alpha") ? node.Float("leakyrelu_alpha") : node.Float("alpha");
                context.Add("LeakyRelu", [input], [output], OnnxAttribute.Of("alpha", alpha));
                break;
            default:
                throw new UnsupportedOperatorException($"{node.Op} '{node.Name}': activation {activation} is not supported");
        }
    }
}
