using SparkVideo.Job;
using SparkVideo.Processing;

namespace SparkWorker.Tests.Support;

/// <summary>The UDF delegates exactly as the job registers them, for settings made as the job makes them.</summary>
internal static class JobUdfs
{
    public static ProcessingSettings Settings(string outputDirFullPath) =>
        new JobOptions { OutputDir = outputDirFullPath }.ToProcessingSettings();

    public static IEnumerable<(string Name, Delegate Udf)> All(ProcessingSettings settings) =>
    [
        ("KeepIfFrame", FrameUdfs.KeepIfFrame(settings)),
        ("RemoveBackground", FrameUdfs.RemoveBackground(settings)),
        ("RemoveBackgroundForCamera", FrameUdfs.RemoveBackgroundForCamera(settings)),
    ];
}
