using SparkVideo.Job;
using SparkVideo.Processing;
using SparkVideo.Vision.Compositing;

namespace SparkWorker.Tests.Support;

/// <summary>The UDF delegates exactly as the job registers them, for settings made as the job makes them.</summary>
internal static class JobUdfs
{
    public static ProcessingSettings Settings(string outputDirFullPath) =>
        new JobOptions { OutputDir = outputDirFullPath }.ToProcessingSettings();

    /// <summary>The settings of a job given <c>--background <paramref name="background"/> --edges <paramref name="edges"/></c>, parsed as the job parses them.</summary>
    public static ProcessingSettings Settings(string outputDirFullPath, string background, EdgeRefinement edges = EdgeRefinement.None) =>
        new JobOptions
        {
            OutputDir = outputDirFullPath,
            Background = BackgroundSpecParser.TryParse(background, out var spec, out var error) ? spec : throw new ArgumentException(error, nameof(background)),
            Edges = edges,
        }.ToProcessingSettings();

    /// <summary>Settings with every per-camera state option away from its default (smoothing and mask reuse on).</summary>
    public static ProcessingSettings SettingsWithCameraState(string outputDirFullPath) =>
        new JobOptions { OutputDir = outputDirFullPath, Smoothing = 0.25f, MaskReuse = 5, MaskReuseThreshold = 7.5f }.ToProcessingSettings();

    public static IEnumerable<(string Name, Delegate Udf)> All(ProcessingSettings settings) =>
    [
        ("KeepIfFrame", FrameUdfs.KeepIfFrame(settings)),
        ("RemoveBackground", FrameUdfs.RemoveBackground(settings)),
        ("RemoveBackgroundForCamera", FrameUdfs.RemoveBackgroundForCamera(settings)),
    ];
}
