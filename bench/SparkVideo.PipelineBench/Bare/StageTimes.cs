using System.Diagnostics;

namespace SparkVideo.PipelineBench.Bare;

/// <summary>Stopwatch ticks spent per stage by one worker; merged after the run. Not thread-safe (one per worker).</summary>
public sealed class StageTimes
{
    private readonly long[] _ticks = new long[Enum.GetValues<Stage>().Length];

    public void Add(Stage stage, long elapsedTicks) => _ticks[(int)stage] += elapsedTicks;

    public void Merge(StageTimes other)
    {
        for (var i = 0; i < _ticks.Length; i++)
        {
            _ticks[i] += other._ticks[i];
        }
    }

    /// <summary>Mean wall time of <paramref name="stage"/> per frame on the worker that ran it, in ms.</summary>
    public double MeanMs(Stage stage, long frames) =>
        frames == 0 ? double.NaN : _ticks[(int)stage] * 1000.0 / Stopwatch.Frequency / frames;

    public double Share(Stage stage)
    {
        var total = _ticks.Sum();
        return total == 0 ? double.NaN : (double)_ticks[(int)stage] / total;
    }
}
