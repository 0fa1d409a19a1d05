using System.Runtime.InteropServices;

namespace SparkVideo.TfliteToOnnx.Tests.Support;

/// <summary>Builds small TFLite-like models in memory (the same records the flatbuffer reader produces).</summary>
public sealed class SyntheticModel
{
    private readonly List<TfliteTensor> _tensors = [];
    private readonly List<TfliteOperator> _operators = [];

    public int Activation(string name, params int[] shape) => Add(name, TensorType.Float32, shape, null);

    public int Constant(string name, float[] values, params int[] shape) =>
        Add(name, TensorType.Float32, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public int Float16Constant(string name, float[] values, params int[] shape)
    {
        var halves = values.Select(v => (Half)v).ToArray();
        return Add(name, TensorType.Float16, shape, MemoryMarshal.AsBytes(halves.AsSpan()).ToArray());
    }

    public int IntConstant(string name, int[] values, params int[] shape) =>
        Add(name, TensorType.Int32, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public void Op(BuiltinOperator code, int[] inputs, int[] outputs, OperatorOptions? options = null, string? customCode = null) =>
        _operators.Add(new TfliteOperator(_operators.Count, code, inputs, outputs, options, customCode));

    public TfliteModel Build(int input, int output) => new("synthetic", _tensors, _operators, [input], [output]);

    private int Add(string name, TensorType type, int[] shape, byte[]? data)
    {
        _tensors.Add(new TfliteTensor(_tensors.Count, name, type, shape, data));
        return _tensors.Count - 1;
    }
}
