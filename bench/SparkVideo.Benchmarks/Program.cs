using BenchmarkDotNet.Running;
using SparkVideo.Vision;

// As the job does for its UDFs (RemoverCache), so the per-stage numbers match the pipeline's.
NativeAllocatorTuning.Apply();

BenchmarkSwitcher.FromAssembly(typeof(SparkVideo.Benchmarks.FrameStageBenchmarks).Assembly).Run(args);
