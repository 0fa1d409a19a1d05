namespace SparkVideo.Engine.Tests.Support;

/// <summary>
/// Reads a vector file of tests/SparkVideo.Engine.Tests/Vectors (copied next to the test assembly): lines starting
/// with '#' are comments, blank lines separate nothing and are skipped.
/// </summary>
internal static class VectorFile
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Vectors", name);

    public static IEnumerable<(int LineNumber, string Line)> DataLines(string name) =>
        File.ReadLines(PathOf(name))
            .Select((line, index) => (index + 1, line))
            .Where(l => l.Item2.Length > 0 && !l.Item2.StartsWith('#'));
}
