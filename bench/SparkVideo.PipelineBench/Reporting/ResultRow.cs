namespace SparkVideo.PipelineBench.Reporting;

/// <summary>One measured number for the results table; <see cref="Met"/> is null where there is no target.</summary>
public sealed record ResultRow(string Scenario, string Metric, string Value, string Target = "", bool? Met = null)
{
    public string Verdict => Met switch { true => "yes", false => "**no**", null => "" };
}
