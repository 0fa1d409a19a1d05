namespace SparkVideo.Frames;

/// <summary>
/// Nearest-rank percentiles (the value below which q of the samples lie, always one of the samples): one formula for the
/// job's [stats] line, the live view and the bench, so their p50 and p99 agree.
/// </summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }
}
