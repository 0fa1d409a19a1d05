using System.Globalization;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sinks;

/// <summary>Spark's console sink: a "Batch: N" banner, then the batch as show(numRows, truncate) prints it.</summary>
internal sealed class ConsoleSink(TextWriter output, int numRows, bool truncate) : IStreamingSink
{
    private const string Rule = "-------------------------------------------";
    private const int MaxNumRows = int.MaxValue - 16;

    public static ConsoleSink Create(TextWriter output, IReadOnlyDictionary<string, string> options)
    {
        int numRows = 20;
        bool truncate = true;
        if (options.TryGetValue("numRows", out string? rows) &&
            !int.TryParse(rows, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numRows))
        {
            throw new ArgumentException($"Option numRows must be an integer, not '{rows}'.");
        }
        if (options.TryGetValue("truncate", out string? cut) && !bool.TryParse(cut, out truncate))
        {
            throw new ArgumentException($"Option truncate must be true or false, not '{cut}'.");
        }
        // Dataset.showString's bounds: at least 0, at most the largest array Spark allocates less one, so numRows + 1
        // (the row that tells there are more) never overflows.
        return new ConsoleSink(output, Math.Clamp(numRows, 0, MaxNumRows), truncate);
    }

    public void AddBatch(long batchId, StructType schema, IReadOnlyList<List<object?[]>> partitions)
    {
        List<object?[]> shown = partitions.SelectMany(p => p).Take(numRows + 1).ToList();
        string[] header = schema.Fields.Select(f => f.Name).ToArray();
        string table = ShowTableFormatter.Format(header, shown, numRows, truncate ? 20 : 0);
        string text = $"{Rule}\nBatch: {batchId.ToString(CultureInfo.InvariantCulture)}\n{Rule}\n{table}\n";
        lock (output)
        {
            output.Write(text);
            output.Flush();
        }
    }
}
