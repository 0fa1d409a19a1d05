using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Tests.Support;

/// <summary>
/// Reads a vector file of tests/SparkVideo.Engine.Tests/Vectors (copied next to the test assembly). Text files: lines
/// starting with '#' are comments. JSON Lines files (.jsonl): the same comments, and one JSON object per other line,
/// each naming the Spark test it comes from in "spark".
/// </summary>
internal static class VectorFile
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Vectors", name);

    public static IEnumerable<(int LineNumber, string Line)> DataLines(string name) =>
        File.ReadLines(PathOf(name))
            .Select((line, index) => (index + 1, line))
            .Where(l => l.Item2.Length > 0 && !l.Item2.StartsWith('#'));

    public static List<Vector> JsonLines(string name) =>
        DataLines(name).Select(l => new Vector(l.LineNumber, JObject.Parse(l.Line))).ToList();
}

/// <summary>One vector: its line in the file and its fields.</summary>
internal sealed record Vector(int LineNumber, JObject Data)
{
    public string Spark => (string?)Data["spark"] ?? throw new FormatException($"Vector on line {LineNumber} names no Spark test.");

    /// <summary>Why the engine deliberately gives another result than Spark here, or null when it matches Spark.</summary>
    public string? Differs => (string?)Data["differs"];

    public override string ToString() => $"line {LineNumber} ({Spark})";
}
