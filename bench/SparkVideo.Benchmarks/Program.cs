using BenchmarkDotNet.Running;
using SparkVideo.Vision;
using SparkVideo.Vision.Native;

// The stages run in this process (ShortInProcessConfig): without the native libraries none of them can.
if (NativeRuntimes.Check() is { } missing)
{
    return SparkVideo.CommandLine.ProgramCommandLine.RuntimeError(missing);
}

// As the job does for its UDFs (WorkerProcess), so the per-stage numbers match the pipeline's.
NativeAllocatorTuning.Apply();

// "modes [ROUNDS] [FRAMES]": the background modes' cost per frame against gray, alternating in one run.
if (args is ["modes", ..])
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
    var frames = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
    return SparkVideo.Benchmarks.ModeCost.ModeCostRun.Run(rounds, frames);
}

BenchmarkSwitcher.FromAssembly(typeof(SparkVideo.Benchmarks.FrameStageBenchmarks).Assembly).Run(args);
return 0;
