using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SparkVideo.Benchmarks.FrameStageBenchmarks).Assembly).Run(args);
