using System.Globalization;
using SparkVideo.CameraServer.Sources.Network;

namespace SparkVideo.CameraServer.Sources;

/// <summary>
/// Maps the --source value onto a source: digits are a camera index, "synthetic" the generator, a URL a network
/// camera (validated already: a malformed one is a usage error), anything else a file.
/// </summary>
internal static class FrameSourceFactory
{
    public const string SyntheticName = "synthetic";

    /// <exception cref="FrameSourceException">The source cannot be opened.</exception>
    public static IFrameSource Open(CameraServerOptions options, ServerLog log, SourceCounters counters)
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
        if (CameraUrl.LooksLikeUrl(source))
        {
            var url = CameraUrl.Parse(source, out var problem) ?? throw new FrameSourceException(problem!);
            var ffmpeg = Ffmpeg.Find() ?? throw new FrameSourceException(Ffmpeg.Missing);
            return new NetworkCameraSource(url, NetworkCameraSettings.From(options), ffmpeg, log, counters);
        }
        return new VideoFileFrameSource(source, options.Loop);
    }
}
