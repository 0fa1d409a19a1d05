namespace SparkVideo.TfliteToOnnx.Quantization;

/// <summary>
/// Affine uint8 parameters of an activation: real = (q − zeroPoint) · scale, with 0 exactly representable
/// (so that ReLU's zero and padding stay exact) and the range widened to include it.
/// </summary>
public readonly record struct UInt8Quantization(float Scale, byte ZeroPoint)
{
    public static UInt8Quantization ForRange(float min, float max)
    {
        var low = Math.Min(min, 0f);
        var high = Math.Max(max, 0f);
        var scale = (high - low) / 255f;
        if (!(scale > 0f) || !float.IsFinite(scale))
        {
            return new UInt8Quantization(1f, 0);
        }
        var zeroPoint = Math.Clamp((int)MathF.Round(-low / scale), 0, 255);
        return new UInt8Quantization(scale, (byte)zeroPoint);
    }
}
