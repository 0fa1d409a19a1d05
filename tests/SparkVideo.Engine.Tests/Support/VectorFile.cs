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

    /// <summary>
    /// Runs <paramref name="check"/> (null when the engine agrees, else what went wrong) on every vector of the JSON
    /// Lines file <paramref name="name"/>, on <paramref name="parallelism"/> threads of its own, and fails with every
    /// vector that did not agree, each named by its line; a file holding fewer than <paramref name="atLeast"/> vectors
    /// fails too. Not on the thread pool: a check waits on its query for most of its time, and four of them held pool
    /// workers that the engine's partitions, in this test and in the tests beside it, were waiting for.
    /// </summary>
    public static void AssertEveryVectorAgrees(string name, int atLeast, Func<Vector, string?> check, int parallelism = 1)
    {
        List<Vector> vectors = JsonLines(name);
        var results = new string?[vectors.Count];
        int next = -1;
        var threads = Enumerable.Range(0, Math.Max(1, parallelism)).Select(t => new Thread(() =>
        {
            for (int i = Interlocked.Increment(ref next); i < vectors.Count; i = Interlocked.Increment(ref next))
            {
                results[i] = Checked(vectors[i], check);
            }
        })
        { IsBackground = true, Name = $"vector check {t}" }).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        List<string> failures = results.OfType<string>().ToList();

        Assert.True(vectors.Count >= atLeast, $"only {vectors.Count} vectors in {name}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {vectors.Count} vectors failed:\n{string.Join("\n", failures)}");
    }

    private static string? Checked(Vector vector, Func<Vector, string?> check)
    {
        try
        {
            return check(vector);
        }
        catch (Exception e)
        {
            return $"{vector}: {e.GetType().Name}: {e.Message}";
        }
    }
}

/// <summary>One vector: its line in the file and its fields.</summary>
internal sealed record Vector(int LineNumber, JObject Data)
{
    public string Spark => (string?)Data["spark"] ?? throw new FormatException($"Vector on line {LineNumber} names no Spark test.");

    /// <summary>Why the engine deliberately gives another result than Spark here, or null when it matches Spark.</summary>
    public string? Differs => (string?)Data["differs"];

    public override string ToString() => $"line {LineNumber} ({Spark})";
}
