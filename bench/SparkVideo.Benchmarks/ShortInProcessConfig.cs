using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SparkVideo.Benchmarks;

/// <summary>
/// A short run (3 warm-ups, 3 iterations) in-process: a few minutes in all, no rebuild of the project,
/// and the native OpenCV/ORT libraries resolve from this project's own output folder.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
