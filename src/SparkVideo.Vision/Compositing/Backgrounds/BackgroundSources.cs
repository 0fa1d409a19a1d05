namespace SparkVideo.Vision.Compositing.Backgrounds;

/// <summary>The background source of a mode; null for the modes composited without one (gray, color, transparent).</summary>
internal static class BackgroundSources
{
    public static IBackgroundSource? For(BackgroundSpec spec) => spec.Mode switch
    {
        BackgroundMode.Blur => new BlurredBackground(spec.BlurRadius),
        BackgroundMode.Image => new ImageBackground(spec.ImageBytes ?? throw new ArgumentException("the image mode needs the image's bytes", nameof(spec))),
        _ => null,
    };
}
