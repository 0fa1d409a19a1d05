namespace SparkVideo.TfliteToOnnx.Tflite;

// Values from the public TFLite schema.fbs; only the ones this converter needs are named.

public enum TensorType : byte
{
    Float32 = 0,
    Float16 = 1,
    Int32 = 2,
    UInt8 = 3,
    Int64 = 4,
}

public enum BuiltinOperator
{
    Add = 0,
    AveragePool2D = 1,
    Concatenation = 2,
    Conv2D = 3,
    DepthwiseConv2D = 4,
    DepthToSpace = 5,
    Dequantize = 6,
    Logistic = 14,
    Mul = 18,
    Relu = 19,
    Reshape = 22,
    ResizeBilinear = 23,
    Custom = 32,
    Pad = 34,
    Mean = 40,
    HardSwish = 117,
    Densify = 124,
}

public enum Padding : byte
{
    Same = 0,
    Valid = 1,
}

public enum FusedActivation : byte
{
    None = 0,
    Relu = 1,
    ReluN1To1 = 2,
    Relu6 = 3,
    Tanh = 4,
}

/// <summary>Custom operator codes (OperatorCode.custom_code) the converter understands.</summary>
public static class CustomOperators
{
    public const string Convolution2DTransposeBias = "Convolution2DTransposeBias";
}
