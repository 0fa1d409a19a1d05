using System.Text;

namespace SparkVideo.PipelineBench.Reporting;

/// <summary>
/// A markdown table of methods (rows) by person height (columns, height 0 as a last "nobody" column when asked for),
/// as the quality benchmarks write them.
/// </summary>
public static class HeightTable
{
    /// <param name="rows">Each row's method, height (0: nobody) and the row itself.</param>
    /// <param name="cell">A row's cell at a person height.</param>
    /// <param name="nobody">A row's cell at height 0; null leaves the column out.</param>
    public static void Append<T>(StringBuilder md, string title, IReadOnlyList<(string Method, double Height, T Row)> rows,
        Func<T, string> cell, Func<T, string>? nobody)
    {
        var heights = rows.Select(r => r.Height).Where(h => h > 0).Distinct().OrderByDescending(h => h).ToList();
        md.AppendLine($"**{title}**");
        md.AppendLine();
        md.Append("| method | ").Append(string.Join(" | ", heights.Select(h => h.ToString("0.##", CultureInfo.InvariantCulture))));
        md.AppendLine(nobody is null ? " |" : " | nobody |");
        md.Append("| --- | ").Append(string.Join(" | ", heights.Select(_ => "---"))).AppendLine(nobody is null ? " |" : " | --- |");
        foreach (var method in rows.Select(r => r.Method).Distinct())
        {
            string Cell(double height, Func<T, string> format) =>
                rows.Where(r => r.Method == method && r.Height == height).Select(r => format(r.Row)).FirstOrDefault() ?? "";
            md.Append($"| {method} | ").Append(string.Join(" | ", heights.Select(h => Cell(h, cell))));
            if (nobody is not null)
            {
                md.Append(" | ").Append(Cell(0, nobody));
            }
            md.AppendLine(" |");
        }
        md.AppendLine();
    }
}
