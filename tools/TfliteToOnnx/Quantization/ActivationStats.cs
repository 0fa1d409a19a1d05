namespace SparkVideo.TfliteToOnnx.Quantization;

/// <summary>What calibration saw of one float tensor: its range over every calibration frame, and its shape.</summary>
public sealed record ActivationStats(float Min, float Max, long[] Shape)
{
    /// <summary>Pixels per channel of an NCHW activation (1 for the squeeze-and-excite vectors).</summary>
    public long SpatialSize => Shape.Length == 4 ? Shape[2] * Shape[3] : 1;

    public ActivationStats Include(float min, float max) => this with { Min = Math.Min(Min, min), Max = Math.Max(Max, max) };
}
