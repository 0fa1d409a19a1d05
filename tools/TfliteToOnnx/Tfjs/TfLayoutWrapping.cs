using SparkVideo.TfliteToOnnx.Conversion;

namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>Runs an NCHW-only ONNX op on an NHWC TF value: transpose in, the op, transpose out.</summary>
internal static class TfLayoutWrapping
{
    public static void Nchw(TfGraphContext context, TfNode node, string input, Action<string, string> emitNchw)
    {
        if (node.Attributes.ContainsKey("data_format") && node.String("data_format") != "NHWC")
        {
            throw new UnsupportedOperatorException($"{node.Op} '{node.Name}': only NHWC is supported, found {node.String("data_format")}");
        }
        var nchwIn = context.NewName(node.Name + "/nchw_in");
        var nchwOut = context.NewName(node.Name + "/nchw_out");
        context.Add("Transpose", [input], [nchwIn], OnnxAttribute.Of("perm", 0, 3, 1, 2));
        emitNchw(nchwIn, nchwOut);
        context.Add("Transpose", [nchwOut], [node.Name], OnnxAttribute.Of("perm", 0, 2, 3, 1));
    }

    /// <summary>TF's padding attribute as ONNX Conv/pool attributes (pads are [top, left, bottom, right]).</summary>
    public static OnnxAttribute Padding(TfNode node)
    {
        switch (node.String("padding"))
        {
            case "VALID":
                return OnnxAttribute.Of("pads", 0, 0, 0, 0);
            case "SAME":
                return OnnxAttribute.Of("auto_pad", "SAME_UPPER");
            case "EXPLICIT":
                var p = node.Ints("explicit_paddings"); // NHWC pairs
                return OnnxAttribute.Of("pads", p[2], p[4], p[3], p[5]);
            default:
                throw new UnsupportedOperatorException($"{node.Op} '{node.Name}': padding {node.String("padding")} is not supported");
        }
    }

    /// <summary>An NHWC attribute list (strides, dilations, ksize) as ONNX's two spatial values.</summary>
    public static OnnxAttribute Spatial(TfNode node, string tfName, string onnxName)
    {
        var values = node.Ints(tfName);
        return values.Length == 4 ? OnnxAttribute.Of(onnxName, values[1], values[2]) : OnnxAttribute.Of(onnxName, 1, 1);
    }
}
