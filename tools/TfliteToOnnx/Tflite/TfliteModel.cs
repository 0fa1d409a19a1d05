namespace SparkVideo.TfliteToOnnx.Tflite;

/// <summary>The subset of a TFLite model the converter needs: one subgraph, tensors, operators.</summary>
public sealed record TfliteModel(
    string Description,
    IReadOnlyList<TfliteTensor> Tensors,
    IReadOnlyList<TfliteOperator> Operators,
    IReadOnlyList<int> Inputs,
    IReadOnlyList<int> Outputs);

/// <summary>A tensor; <see cref="Data"/> is set for constants (little-endian raw bytes).</summary>
public sealed record TfliteTensor(int Index, string Name, TensorType Type, int[] Shape, byte[]? Data = null)
{
    public bool IsConstant => Data is { Length: > 0 };
}

/// <summary>An operator; input index -1 means "optional input absent".</summary>
public sealed record TfliteOperator(
    int Index,
    BuiltinOperator Code,
    int[] Inputs,
    int[] Outputs,
    OperatorOptions? Options = null,
    string? CustomCode = null)
{
    /// <summary>The name used in messages: the builtin enum name, or CUSTOM(name).</summary>
    public string DisplayName => Code == BuiltinOperator.Custom ? $"CUSTOM({CustomCode})" : BuiltinOperatorNames.Get(Code);
}

/// <summary>Typed builtin (or custom) options, decoded by the reader per operator code.</summary>
public abstract record OperatorOptions;

public sealed record Conv2DOptions(
    Padding Padding, int StrideW, int StrideH, FusedActivation Activation = FusedActivation.None,
    int DilationW = 1, int DilationH = 1) : OperatorOptions;

public sealed record DepthwiseConv2DOptions(
    Padding Padding, int StrideW, int StrideH, int DepthMultiplier, FusedActivation Activation = FusedActivation.None,
    int DilationW = 1, int DilationH = 1) : OperatorOptions;

public sealed record Pool2DOptions(
    Padding Padding, int StrideW, int StrideH, int FilterWidth, int FilterHeight,
    FusedActivation Activation = FusedActivation.None) : OperatorOptions;

/// <summary>Options of ADD and MUL: only a fused activation matters here.</summary>
public sealed record ElementwiseOptions(FusedActivation Activation) : OperatorOptions;

public sealed record ResizeBilinearOptions(bool AlignCorners, bool HalfPixelCenters) : OperatorOptions;

public sealed record ReducerOptions(bool KeepDims) : OperatorOptions;

public sealed record ConcatenationOptions(int Axis, FusedActivation Activation) : OperatorOptions;

public sealed record DepthToSpaceOptions(int BlockSize) : OperatorOptions;

/// <summary>The custom Convolution2DTransposeBias op's options (a raw C struct, not a flexbuffer).</summary>
public sealed record TransposeConvBiasOptions(Padding Padding, int StrideW, int StrideH) : OperatorOptions;
