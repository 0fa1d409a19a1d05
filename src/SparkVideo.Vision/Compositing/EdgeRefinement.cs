namespace SparkVideo.Vision.Compositing;

/// <summary>How the soft mask's edges are refined before compositing (<c>--edges</c>).</summary>
public enum EdgeRefinement
{
    /// <summary>The model's mask, upsampled bilinearly: the seed's output.</summary>
    None,

    /// <summary>A guided filter with the frame as guide: the mask's edge follows the frame's own edges (hair, shoulders).</summary>
    Guided,

    /// <summary>A small Gaussian blur of the mask: a softer, wider edge, blind to the frame.</summary>
    Feather,
}
