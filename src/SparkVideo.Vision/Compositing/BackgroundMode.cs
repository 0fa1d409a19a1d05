namespace SparkVideo.Vision.Compositing;

/// <summary>What replaces the background of a frame (<c>--background</c>).</summary>
public enum BackgroundMode
{
    /// <summary>The seed's flat gray, 192,192,192.</summary>
    Gray,

    /// <summary>A flat colour given as R,G,B.</summary>
    Color,

    /// <summary>The frame itself, blurred with the person masked out first.</summary>
    Blur,

    /// <summary>A picture, scaled to cover the frame.</summary>
    Image,

    /// <summary>No background: a PNG whose alpha channel is the mask.</summary>
    Transparent,
}
