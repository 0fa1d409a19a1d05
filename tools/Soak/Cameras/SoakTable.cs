using System.Globalization;
using System.Text;

namespace SparkVideo.Soak.Cameras;

/// <summary>
/// The camera soak's table, rewritten after every row (so a run that is stopped early still leaves what it saw) as
/// <c>soak-cameras.md</c> (with the run's settings and verdict) and <c>soak-cameras.csv</c>.
/// </summary>
public sealed class SoakTable(string directory, IReadOnlyList<string> header)
{
    private readonly List<SoakRow> _rows = [];
    private IReadOnlyList<string> _verdict = [];

    public string MarkdownPath => Path.Combine(directory, "soak-cameras.md");

    public string CsvPath => Path.Combine(directory, "soak-cameras.csv");

    public IReadOnlyList<SoakRow> Rows => _rows;

    public void Add(SoakRow row)
    {
        _rows.Add(row);
        Write();
    }

    public void Conclude(IReadOnlyList<string> verdict)
    {
        _verdict = verdict;
        Write();
    }

    private void Write()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(CsvPath, Csv());
        File.WriteAllText(MarkdownPath, Markdown());
    }

    private string Csv()
    {
        var text = new StringBuilder("minute,rss_mib,fds,threads,sent,written,in_flight,late,deleted,disk_mib,latency_p50_ms,latency_p99_ms,load_1min\n");
        foreach (var r in _rows)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"{r.Minute:0.##},{r.RssMiB:0.0},{r.FileDescriptors},{r.Threads},{r.Sent},{r.Written},{r.InFlight},{r.Late},{r.Deleted},{r.DiskMiB:0.0},{r.LatencyP50Ms},{r.LatencyP99Ms},{r.LoadAverage:0.00}\n"));
        }
        return text.ToString();
    }

    private string Markdown()
    {
        var text = new StringBuilder("# Soak: many cameras\n\n");
        foreach (var line in header)
        {
            text.Append(line).Append('\n');
        }
        text.Append("\n| minute | job RSS (MiB) | open fds | threads | frames sent | written | in flight | late | deleted | disk (MiB) | latency p50 / p99 (ms) | load (1 min) |\n");
        text.Append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in _rows)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Minute:0.#} | {r.RssMiB:0} | {r.FileDescriptors} | {r.Threads} | {r.Sent} | {r.Written} | {r.InFlight} | {r.Late} | {r.Deleted} | {r.DiskMiB:0.0} | {r.LatencyP50Ms?.ToString("0", CultureInfo.InvariantCulture) ?? "–"} / {r.LatencyP99Ms?.ToString("0", CultureInfo.InvariantCulture) ?? "–"} | {r.LoadAverage:0.00} |\n"));
        }
        if (_verdict.Count > 0)
        {
            text.Append('\n');
            foreach (var line in _verdict)
            {
                text.Append("- ").Append(line).Append('\n');
            }
        }
        return text.ToString();
    }
}
