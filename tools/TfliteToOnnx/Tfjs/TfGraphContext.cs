using System.Runtime.InteropServices;
using SparkVideo.TfliteToOnnx.Conversion;

namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>
/// State while one TF graph is converted: the constants (the model's and those folded at conversion time), and the
/// ONNX nodes and initializers emitted so far. Values keep TensorFlow's names and layout (NHWC); only the ops ONNX
/// defines on NCHW are wrapped in a pair of transposes, which ONNX Runtime's optimizer cancels against its neighbours.
/// </summary>
public sealed class TfGraphContext(IReadOnlyDictionary<string, TfConstant> modelConstants, (double Height, double Width) resizeScale)
{
    private readonly Dictionary<string, TfConstant> _constants = new(modelConstants, StringComparer.Ordinal);
    private readonly HashSet<string> _initialized = new(StringComparer.Ordinal);
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private int _generated;

    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    /// <summary>
    /// A resize to a fixed [height, width] inside the graph, for an input of another size than the one the graph was
    /// traced at: scaled as the input is (a feature pyramid's 2x and 0.5x steps stay 2x and 0.5x).
    /// </summary>
    public long[] ScaledResize(long[] size, TfNode node)
    {
        var height = size[0] * resizeScale.Height;
        var width = size[1] * resizeScale.Width;
        if (height != Math.Round(height) || width != Math.Round(width))
        {
            throw new UnsupportedOperatorException(
                $"{node.Op} '{node.Name}': its fixed size {size[0]}x{size[1]} does not scale to a whole size for this input size");
        }
        return [(long)height, (long)width];
    }

    public IReadOnlyList<OnnxTensor> Initializers => _initializers;

    public bool IsConstant(string reference) => _constants.ContainsKey(Canonical(reference));

    public TfConstant Constant(string reference, TfNode consumer) =>
        _constants.TryGetValue(Canonical(reference), out var constant)
            ? constant
            : throw new UnsupportedOperatorException($"{consumer.Op} '{consumer.Name}': input '{reference}' must be a constant");

    public void SetConstant(string name, TfConstant value) => _constants[name] = value;

    /// <summary>The ONNX value for a TF reference; a constant becomes an initializer the first time it is used.</summary>
    public string Value(string reference)
    {
        var name = Canonical(reference);
        if (_constants.TryGetValue(name, out var constant) && _initialized.Add(name))
        {
            var dims = constant.Shape.Select(d => (long)d).ToArray();
            _initializers.Add(constant.Floats is { } floats
                ? new OnnxTensor(name, OnnxDataType.Float, dims, MemoryMarshal.AsBytes(floats.AsSpan()).ToArray())
                : new OnnxTensor(name, OnnxDataType.Int64, dims, MemoryMarshal.AsBytes(constant.Ints.AsSpan()).ToArray()));
        }
        return name;
    }

    /// <summary>The name of output <paramref name="index"/> of a node, as TF references it.</summary>
    public static string OutputName(TfNode node, int index) => index == 0 ? node.Name : $"{node.Name}:{index}";

    public string AddInt64(string baseName, params long[] values)
    {
        var name = NewName(baseName);
        _initializers.Add(new OnnxTensor(name, OnnxDataType.Int64, [values.Length], MemoryMarshal.AsBytes(values.AsSpan()).ToArray()));
        return name;
    }

    public string AddFloats(string baseName, float[] values, int[] dims)
    {
        var name = NewName(baseName);
        _initializers.Add(new OnnxTensor(name, OnnxDataType.Float, [.. dims.Select(d => (long)d)],
            MemoryMarshal.AsBytes(values.AsSpan()).ToArray()));
        return name;
    }

    public string NewName(string baseName) => $"{baseName}__{_generated++}";

    public void Add(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes) =>
        _nodes.Add(new OnnxNode(NewName(opType), opType, inputs, outputs, attributes));

    private static string Canonical(string reference) =>
        reference.EndsWith(":0", StringComparison.Ordinal) ? reference[..^2] : reference;
}
