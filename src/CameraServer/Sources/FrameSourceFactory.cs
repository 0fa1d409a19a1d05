using System.Globalization;

namespace SparkVideo.CameraServer.Sources;

/// <summary>Maps the --source value onto a source: digits are a camera index, "synthetic" the generator, anything else a file.</summary>
internal static class FrameSourceFactory
{
    public const string SyntheticName = "synthetic";

    /// <exception cref="FrameSourceException">The source cannot be opened.</exception>
    public static IFrameSource Open(CameraServerOptions options)
    {
        var source = options.Source;
        if (source.Equals(SyntheticName, StringComparison.OrdinalIgnoreCase))
        {
            return new SyntheticFrameSource();
        }
        if (int.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var cameraIndex))
        {
            return new CameraFrameSource(cameraIndex, options.Width, options.Height);
        }
        return new VideoFileFrameSource(source, options.Loop);
    }
}
