namespace SparkVideo.PipelineBench.Reporting;

/// <summary>Invariant number formatting for console and markdown.</summary>
public static class Format
{
    public static string N(double value, int decimals = 1) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : N(fraction * 100, 1) + " %";
}
