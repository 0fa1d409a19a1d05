using System.Diagnostics;
using SparkVideo.PipelineBench.Infrastructure;
using SparkVideo.Vision.Compositing;

namespace SparkVideo.PipelineBench.Bare;

/// <summary>
/// Stopwatch ticks and thread CPU time spent per stage by one worker; merged after the run. Not thread-safe (one per
/// worker, which calls <see cref="BeginFrame"/> before each frame, on its own thread).
/// </summary>
public sealed class StageTimes : IFrameStageObserver
{
    private readonly long[] _ticks = new long[Enum.GetValues<Stage>().Length];
    private readonly long[] _cpuNanoseconds = new long[Enum.GetValues<Stage>().Length];
    private long _lastCpu;

    public void BeginFrame() => _lastCpu = ThreadCpu.Nanoseconds();

    public void Add(Stage stage, long elapsedTicks)
    {
        _ticks[(int)stage] += elapsedTicks;
        var now = ThreadCpu.Nanoseconds();
        _cpuNanoseconds[(int)stage] += now - _lastCpu;
        _lastCpu = now;
    }

    /// <summary>The remover's stages are the first four of <see cref="Stage"/>, in the same order.</summary>
    public void Completed(FrameStage stage, long elapsedTicks) => Add((Stage)(int)stage, elapsedTicks);

    public void Merge(StageTimes other)
    {
        for (var i = 0; i < _ticks.Length; i++)
        {
            _ticks[i] += other._ticks[i];
            _cpuNanoseconds[i] += other._cpuNanoseconds[i];
        }
    }

    /// <summary>Mean wall time of <paramref name="stage"/> per frame on the worker that ran it, in ms.</summary>
    public double MeanMs(Stage stage, long frames) =>
        frames == 0 ? double.NaN : _ticks[(int)stage] * 1000.0 / Stopwatch.Frequency / frames;

    /// <summary>Mean CPU time of <paramref name="stage"/> per frame on the thread that ran it, in ms (the worker's own work).</summary>
    public double MeanCpuMs(Stage stage, long frames) =>
        frames == 0 ? double.NaN : _cpuNanoseconds[(int)stage] / 1e6 / frames;

    /// <summary>The stage's share of the workers' CPU time.</summary>
    public double Share(Stage stage)
    {
        var total = _cpuNanoseconds.Sum();
        return total == 0 ? double.NaN : (double)_cpuNanoseconds[(int)stage] / total;
    }
}
