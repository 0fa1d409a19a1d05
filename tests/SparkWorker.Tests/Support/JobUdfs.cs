using SparkVideo.Job;
using SparkVideo.Processing;

namespace SparkWorker.Tests.Support;

/// <summary>The UDF delegates exactly as the job registers them, for settings made as the job makes them.</summary>
internal static class JobUdfs
{
    public static ProcessingSettings Settings(string outputDirFullPath) =>
        new JobOptions { OutputDir = outputDirFullPath }.ToProcessingSettings();

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
