using BenchmarkDotNet.Running;
using SparkVideo.Vision;

// The stages run in this process (ShortInProcessConfig): without the native libraries none of them can.
if (NativeRuntimes.Check() is { } missing)
{
    Console.Error.WriteLine($"error: {missing}");
    return 1;
}

// As the job does for its UDFs (RemoverCache), so the per-stage numbers match the pipeline's.
NativeAllocatorTuning.Apply();
BenchmarkSwitcher.FromAssembly(typeof(SparkVideo.Benchmarks.FrameStageBenchmarks).Assembly).Run(args);
return 0;
