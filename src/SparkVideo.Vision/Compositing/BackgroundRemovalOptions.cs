namespace SparkVideo.Vision.Compositing;

/// <summary>How <see cref="BackgroundRemover"/> composites and encodes.</summary>
public sealed record BackgroundRemovalOptions
{
    /// <summary>What replaces the background; default the seed's gray.</summary>
    public BackgroundSpec Background { get; init; } = BackgroundSpec.Gray;

    /// <summary>Where the model looks: at each person found by the detector (default), or once at the whole frame.</summary>
    public SegmentationMode Segmentation { get; init; } = SegmentationMode.People;

    /// <summary>How the mask's edges are refined before compositing; default none (the seed's mask).</summary>
    public EdgeRefinement Edges { get; init; } = EdgeRefinement.None;

    /// <summary>
    /// A value in [0,1]: hard mask, person where p &gt; value, with an anti-aliased edge (<see cref="HardMask"/>) (default 0.5, <see cref="MaskCut"/>);
    /// null: the seed's soft blend by the upsampled probability.
    /// </summary>
    public float? Threshold { get; init; } = MaskCut.DefaultThreshold;

    /// <summary>JPEG quality of the output, 1..100.</summary>
    public int JpegQuality { get; init; } = DefaultJpegQuality;

    public const int DefaultJpegQuality = 90;

    internal void Validate()
    {
        if (Threshold is { } t && (float.IsNaN(t) || t < 0f || t > 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), t, "threshold must be in [0,1]");
        }
        if (JpegQuality is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(JpegQuality), JpegQuality, "JPEG quality must be in 1..100");
        }
        if (Background.BlurRadius is < 1 or > BackgroundSpec.MaxBlurRadius)
        {
            throw new ArgumentOutOfRangeException(nameof(Background), Background.BlurRadius, $"blur radius must be in 1..{BackgroundSpec.MaxBlurRadius}");
        }
    }
}
