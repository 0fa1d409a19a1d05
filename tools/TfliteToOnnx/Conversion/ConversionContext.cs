using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>
/// State shared by the op converters while one model is converted: value names, folded constants,
/// and the nodes and initializers emitted so far. All activations inside the graph are NCHW.
/// </summary>
public sealed class ConversionContext
{
    private readonly Dictionary<int, float[]> _foldedConstants = [];
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly string[] _valueNames;

    public ConversionContext(TfliteModel model)
    {
        Model = model;
        _valueNames = new string[model.Tensors.Count];
        // The graph's NHWC inputs and outputs keep their TFLite names; their NCHW twins get a suffix.
        foreach (var index in model.Inputs.Concat(model.Outputs))
        {
            _usedNames.Add(model.Tensors[index].Name);
        }
        foreach (var tensor in model.Tensors)
        {
            var isGraphIo = model.Inputs.Contains(tensor.Index) || model.Outputs.Contains(tensor.Index);
            _valueNames[tensor.Index] = Reserve(isGraphIo ? tensor.Name + "_nchw" : tensor.Name);
        }
    }

    public TfliteModel Model { get; }

    /// <summary>How the converted graph's spatial sizes relate to the model's own (height, width): 1 unless <c>--input-size</c>.</summary>
    public (double Height, double Width) SpatialScale { get; init; } = (1, 1);

    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    public IReadOnlyList<OnnxTensor> Initializers => _initializers;

    /// <summary>The ONNX name of the NCHW value that holds TFLite tensor <paramref name="tensorIndex"/>.</summary>
    public string ValueName(int tensorIndex) => _valueNames[tensorIndex];

    public TfliteTensor Tensor(int tensorIndex) => Model.Tensors[tensorIndex];

    /// <summary>The TFLite (NHWC) shape of a tensor.</summary>
    public int[] Shape(int tensorIndex) => Model.Tensors[tensorIndex].Shape;

    public bool IsConstant(int tensorIndex) =>
        _foldedConstants.ContainsKey(tensorIndex) || Model.Tensors[tensorIndex].IsConstant;

    /// <summary>Records the float32 value of a tensor computed at conversion time (DEQUANTIZE folding).</summary>
    public void SetFoldedConstant(int tensorIndex, float[] values) => _foldedConstants[tensorIndex] = values;

    public float[] ConstantFloats(int tensorIndex, TfliteOperator consumer)
    {
        if (_foldedConstants.TryGetValue(tensorIndex, out var folded))
        {
            return folded;
        }
        var tensor = Model.Tensors[tensorIndex];
        if (tensor is { IsConstant: true, Type: TensorType.Float32 })
        {
            return MemoryMarshal.Cast<byte, float>(tensor.Data).ToArray();
        }
        throw new UnsupportedOperatorException(
            $"{consumer.DisplayName} (operator {consumer.Index}): input '{tensor.Name}' must be a float32 constant");
    }

    public int[] ConstantInts(int tensorIndex, TfliteOperator consumer)
    {
        var tensor = Model.Tensors[tensorIndex];
        if (tensor is not { IsConstant: true, Type: TensorType.Int32 })
        {
            throw new UnsupportedOperatorException(
                $"{consumer.DisplayName} (operator {consumer.Index}): input '{tensor.Name}' must be an int32 constant");
        }
        var data = tensor.Data!;
        var result = new int[data.Length / 4];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(i * 4));
        }
        return result;
    }

    /// <summary>Adds a float32 initializer under a fresh name derived from <paramref name="baseName"/>.</summary>
    public string AddInitializer(string baseName, float[] values, int[] dims)
    {
        var name = Reserve(baseName);
        _initializers.Add(new OnnxTensor(name, OnnxDataType.Float, dims.Select(d => (long)d).ToArray(),
            MemoryMarshal.AsBytes(values.AsSpan()).ToArray()));
        return name;
    }

    public string AddInt64Initializer(string baseName, long[] values)
    {
        var name = Reserve(baseName);
        _initializers.Add(new OnnxTensor(name, OnnxDataType.Int64, [values.Length],
            MemoryMarshal.AsBytes(values.AsSpan()).ToArray()));
        return name;
    }

    /// <summary>A fresh value name for an intermediate result (e.g. before a fused activation).</summary>
    public string NewValueName(string baseName) => Reserve(baseName);

    public void AddNode(TfliteOperator source, string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs,
        params OnnxAttribute[] attributes)
    {
        var name = Reserve($"op{source.Index}_{opType}");
        _nodes.Add(new OnnxNode(name, opType, inputs, outputs, attributes));
    }

    /// <summary>Adds a node not tied to a TFLite operator (the layout transposes at the graph edges).</summary>
    public void AddNode(string name, string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs,
        params OnnxAttribute[] attributes) =>
        _nodes.Add(new OnnxNode(Reserve(name), opType, inputs, outputs, attributes));

    private string Reserve(string baseName)
    {
        var name = baseName;
        for (var suffix = 1; !_usedNames.Add(name); suffix++)
        {
            name = $"{baseName}_{suffix}";
        }
        return name;
    }
}
