namespace SparkVideo.TfliteToOnnx.Tflite;

/// <summary>Schema names of builtin operators, so that errors name an unsupported op the way TFLite does.</summary>
public static class BuiltinOperatorNames
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [0] = "ADD",
        [1] = "AVERAGE_POOL_2D",
        [2] = "CONCATENATION",
        [3] = "CONV_2D",
        [4] = "DEPTHWISE_CONV_2D",
        [5] = "DEPTH_TO_SPACE",
        [6] = "DEQUANTIZE",
        [8] = "FLOOR",
        [9] = "FULLY_CONNECTED",
        [11] = "L2_NORMALIZATION",
        [14] = "LOGISTIC",
        [17] = "MAX_POOL_2D",
        [18] = "MUL",
        [19] = "RELU",
        [20] = "RELU_N1_TO_1",
        [21] = "RELU6",
        [22] = "RESHAPE",
        [23] = "RESIZE_BILINEAR",
        [25] = "SOFTMAX",
        [26] = "SPACE_TO_DEPTH",
        [28] = "TANH",
        [32] = "CUSTOM",
        [34] = "PAD",
        [39] = "TRANSPOSE",
        [40] = "MEAN",
        [41] = "SUB",
        [42] = "DIV",
        [43] = "SQUEEZE",
        [45] = "STRIDED_SLICE",
        [49] = "SPLIT",
        [53] = "CAST",
        [55] = "MAXIMUM",
        [57] = "MINIMUM",
        [67] = "TRANSPOSE_CONV",
        [74] = "SUM",
        [97] = "RESIZE_NEAREST_NEIGHBOR",
        [98] = "LEAKY_RELU",
        [114] = "QUANTIZE",
        [117] = "HARD_SWISH",
        [124] = "DENSIFY",
    };

    public static string Get(BuiltinOperator code) =>
        Names.TryGetValue((int)code, out var name) ? name : $"BUILTIN_{(int)code}";
}
