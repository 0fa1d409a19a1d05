namespace SparkVideo.PipelineBench.Reporting;

/// <summary>What a scenario hands to the results file: its rows, extra markdown (tables), and files it wrote.</summary>
public sealed class ScenarioReport(string scenario, string settings)
{
    public string Scenario { get; } = scenario;

    /// <summary>The scenario's settings in words (sizes, rates, counts).</summary>
    public string Settings { get; } = settings;

    public List<ResultRow> Rows { get; } = [];

    public List<string> MarkdownSections { get; } = [];

    public List<string> Files { get; } = [];

    public void Add(string metric, string value, string target = "", bool? met = null) =>
        Rows.Add(new ResultRow(Scenario, metric, value, target, met));

    /// <summary>Prints the rows as aligned console lines.</summary>
    public void Print()
    {
        Console.WriteLine($"== {Scenario}: {Settings}");
        var width = Rows.Count == 0 ? 0 : Rows.Max(r => r.Metric.Length);
        foreach (var row in Rows)
        {
            var target = row.Target.Length == 0 ? "" : $"   (target {row.Target}: {(row.Met == true ? "met" : "MISSED")})";
            Console.WriteLine($"   {row.Metric.PadRight(width)}  {row.Value}{target}");
        }
        foreach (var file in Files)
        {
            Console.WriteLine($"   wrote {file}");
        }
    }
}
