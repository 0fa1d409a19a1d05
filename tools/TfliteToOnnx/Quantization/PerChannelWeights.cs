namespace SparkVideo.TfliteToOnnx.Quantization;

/// <summary>
/// Symmetric int8 weights with one scale per output channel (axis 0 of an OIHW or [C,1,kh,kw] weight), and
/// the int32 bias at scale input·weight, as ONNX Runtime's QLinearConv expects them.
/// </summary>
public sealed record PerChannelWeights(sbyte[] Values, float[] Scales)
{
    /// <summary>Largest magnitude used: 127, the full signed range.</summary>
    public const int Limit = 127;

    public static PerChannelWeights Quantize(float[] weights, int outputChannels)
    {
        var perChannel = weights.Length / outputChannels;
        var values = new sbyte[weights.Length];
        var scales = new float[outputChannels];
        for (var c = 0; c < outputChannels; c++)
        {
            var channel = weights.AsSpan(c * perChannel, perChannel);
            var largest = 0f;
            foreach (var w in channel)
            {
                largest = Math.Max(largest, Math.Abs(w));
            }
            var scale = largest > 0f ? largest / Limit : 1f;
            scales[c] = scale;
            for (var i = 0; i < perChannel; i++)
            {
                values[c * perChannel + i] = (sbyte)Math.Clamp((int)MathF.Round(channel[i] / scale), -Limit, Limit);
            }
        }
        return new PerChannelWeights(values, scales);
    }

    public (int[] Values, float[] Scales) QuantizeBias(float[] bias, float inputScale)
    {
        var values = new int[bias.Length];
        var scales = new float[bias.Length];
        for (var c = 0; c < bias.Length; c++)
        {
            scales[c] = inputScale * Scales[c];
            values[c] = (int)Math.Clamp(Math.Round(bias[c] / scales[c]), int.MinValue, int.MaxValue);
        }
        return (values, scales);
    }
}
