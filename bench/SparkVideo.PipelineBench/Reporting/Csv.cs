namespace SparkVideo.PipelineBench.Reporting;

/// <summary>Writes a small CSV with invariant-culture numbers.</summary>
public static class Csv
{
    public static void Write(string path, string header, IEnumerable<IEnumerable<object?>> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path);
        writer.WriteLine(header);
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(",", row.Select(Format)));
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
