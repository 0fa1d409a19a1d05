namespace SparkVideo.TfliteToOnnx.Onnx;

/// <summary>TensorProto.DataType values used here.</summary>
public enum OnnxDataType
{
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    Int32 = 6,
    Int64 = 7,
    Float16 = 10,
}

/// <summary>An initializer: little-endian raw bytes with its dims.</summary>
public sealed record OnnxTensor(string Name, OnnxDataType DataType, long[] Dims, byte[] RawData);

public enum OnnxAttributeType
{
    Float = 1,
    Int = 2,
    String = 3,
    Ints = 7,
}

public sealed record OnnxAttribute(string Name, OnnxAttributeType Type, long Int = 0, float Float = 0, string? String = null, long[]? Ints = null)
{
    public static OnnxAttribute Of(string name, long value) => new(name, OnnxAttributeType.Int, Int: value);
    public static OnnxAttribute Of(string name, float value) => new(name, OnnxAttributeType.Float, Float: value);
    public static OnnxAttribute Of(string name, string value) => new(name, OnnxAttributeType.String, String: value);
    public static OnnxAttribute Of(string name, params long[] values) => new(name, OnnxAttributeType.Ints, Ints: values);
}

/// <summary>A node; an empty input name means "optional input omitted".</summary>
public sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs, IReadOnlyList<OnnxAttribute> Attributes);

/// <summary>A graph input or output; a null shape leaves the shape unstated (calibration outputs).</summary>
public sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, long[]? Shape);

public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs);

public sealed record OnnxModel(
    long IrVersion,
    long OpsetVersion,
    string ProducerName,
    string ProducerVersion,
    string DocString,
    OnnxGraph Graph,
    IReadOnlyList<KeyValuePair<string, string>> Metadata);
