using BenchmarkDotNet.Running;
using SparkVideo.Vision;

// The stages run in this process (ShortInProcessConfig): without the native libraries none of them can.
if (NativeRuntimes.Check() is { } missing)
{
    return SparkVideo.CommandLine.ProgramCommandLine.RuntimeError(missing);
}

// As the job does for its UDFs (WorkerProcess), so the per-stage numbers match the pipeline's.
NativeAllocatorTuning.Apply();
BenchmarkSwitcher.FromAssembly(typeof(SparkVideo.Benchmarks.FrameStageBenchmarks).Assembly).Run(args);
return 0;
