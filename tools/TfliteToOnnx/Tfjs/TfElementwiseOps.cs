using SparkVideo.TfliteToOnnx.Conversion;

namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>Binary arithmetic, Identity and the ops that only compute constants (folded at conversion time).</summary>
internal static class TfElementwiseOps
{
    private static readonly Dictionary<string, string> OnnxBinary = new(StringComparer.Ordinal)
    {
        ["Add"] = "Add",
        ["AddV2"] = "Add",
        ["BiasAdd"] = "Add",
        ["Sub"] = "Sub",
        ["Mul"] = "Mul",
        ["RealDiv"] = "Div",
        ["Maximum"] = "Max",
        ["Minimum"] = "Min",
    };

    public static IEnumerable<string> BinaryOps => OnnxBinary.Keys;

    public static void Binary(TfNode node, TfGraphContext context)
    {
        if (node.Inputs.All(context.IsConstant))
        {
            context.SetConstant(node.Name, FoldIntegers(node, context));
            return;
        }
        context.Add(OnnxBinary[node.Op], [context.Value(node.Inputs[0]), context.Value(node.Inputs[1])], [node.Name]);
    }

    public static void Identity(TfNode node, TfGraphContext context)
    {
        if (context.IsConstant(node.Inputs[0]))
        {
            context.SetConstant(node.Name, context.Constant(node.Inputs[0], node));
            return;
        }
        context.Add("Identity", [context.Value(node.Inputs[0])], [node.Name]);
    }

    /// <summary>SparseToDense over constants (how onnx-tf writes a Reshape's target shape): evaluated here.</summary>
    public static void SparseToDense(TfNode node, TfGraphContext context)
    {
        var indices = context.Constant(node.Inputs[0], node).Ints!;
        var shape = context.Constant(node.Inputs[1], node).Ints!;
        var values = context.Constant(node.Inputs[2], node).Ints!;
        var fallback = context.Constant(node.Inputs[3], node).Ints!;
        if (shape.Length != 1)
        {
            throw new UnsupportedOperatorException($"SparseToDense '{node.Name}': only a rank-1 result is supported");
        }
        var dense = Enumerable.Repeat(fallback[0], (int)shape[0]).ToArray();
        for (var i = 0; i < indices.Length; i++)
        {
            dense[indices[i]] = values.Length == 1 ? values[0] : values[i];
        }
        context.SetConstant(node.Name, TfConstant.Of([dense.Length], dense));
    }

    public static void Cast(TfNode node, TfGraphContext context)
    {
        var value = context.Constant(node.Inputs[0], node);
        var toFloat = node.Attributes["DstT"].GetProperty("type").GetString() is "DT_FLOAT";
        context.SetConstant(node.Name, (toFloat, value.Floats, value.Ints) switch
        {
            (true, null, { } ints) => TfConstant.Of(value.Shape, [.. ints.Select(i => (float)i)]),
            (false, { } floats, null) => TfConstant.Of(value.Shape, [.. floats.Select(f => (long)f)]),
            _ => value,
        });
    }

    private static TfConstant FoldIntegers(TfNode node, TfGraphContext context)
    {
        var a = context.Constant(node.Inputs[0], node);
        var b = context.Constant(node.Inputs[1], node);
        if (a.Ints is null || b.Ints is null || (a.Count != b.Count && a.Count != 1 && b.Count != 1))
        {
            throw new UnsupportedOperatorException($"{node.Op} '{node.Name}': only integer constants of one shape or a scalar are folded");
        }
        Func<long, long, long> op = node.Op switch
        {
            "Add" or "AddV2" => (x, y) => x + y,
            "Sub" => (x, y) => x - y,
            "Mul" => (x, y) => x * y,
            _ => throw new UnsupportedOperatorException($"{node.Op} '{node.Name}': not folded over constants"),
        };
        var count = Math.Max(a.Count, b.Count);
        var result = new long[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = op(a.Ints[a.Count == 1 ? 0 : i], b.Ints[b.Count == 1 ? 0 : i]);
        }
        return TfConstant.Of(a.Count >= b.Count ? a.Shape : b.Shape, result);
    }
}
