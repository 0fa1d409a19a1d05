namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>TensorFlow padding rules turned into explicit ONNX pads.</summary>
public static class TfPadding
{
    /// <summary>
    /// Pads for one spatial axis. TF SAME: out = ceil(in / stride) and the odd pixel of padding goes at the
    /// end (bottom/right), which is why ONNX gets explicit pads rather than auto_pad.
    /// </summary>
    public static (int Begin, int End) ForConvolution(Padding padding, int inputSize, int kernel, int stride, int dilation = 1)
    {
        if (padding == Padding.Valid)
        {
            return (0, 0);
        }
        var effectiveKernel = (kernel - 1) * dilation + 1;
        var outputSize = (inputSize + stride - 1) / stride;
        var total = Math.Max((outputSize - 1) * stride + effectiveKernel - inputSize, 0);
        return (total / 2, total - total / 2);
    }

    /// <summary>
    /// Crop (pads) and output_padding for a transposed convolution producing <paramref name="outputSize"/>:
    /// the forward convolution's padding, mirrored.
    /// </summary>
    public static (int Begin, int End, int OutputPadding) ForTransposedConvolution(int inputSize, int outputSize, int kernel, int stride)
    {
        var crop = (inputSize - 1) * stride + kernel - outputSize;
        return crop >= 0 ? (crop / 2, crop - crop / 2, 0) : (0, 0, -crop);
    }
}
