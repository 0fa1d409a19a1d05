using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Tests;

/// <summary>
/// Vectors/console.jsonl: what Spark 3.5's console sink (Dataset.showString) prints for a batch, taken from Apache
/// Spark's own tests. Each vector runs as the job runs: socket sources on real loopback servers (several make a
/// union, each tagged with Lit as the job tags cameras), from_json with the vector's schema, a Select, the console
/// sink with the vector's options; all its lines are sent in one write before the first trigger, so they make batch 0
/// (a run whose lines were split over two batches is run again).
/// </summary>
public sealed class ConsoleVectorTests
{
    private const int MaxAttempts = 5;
    private const string Banner = "-------------------------------------------\nBatch: 0\n-------------------------------------------\n";

    [Fact]
    public void Console_sink_prints_what_Spark_3_5_prints_for_every_vector()
    {
        VectorFile.AssertEveryVectorAgrees("console.jsonl", atLeast: 25, Check, parallelism: 4);
    }

    private static string? Check(Vector vector)
    {
        string expected = Banner + string.Join("\n", vector.Data["expected"]!.Values<string>()) + "\n\n";
        // The lines are sent in one write before a trigger, but on a loaded machine a trigger can still fall between
        // two of them; then the run has two batches and says nothing about the table, so it runs again.
        for (int attempt = 1; ; attempt++)
        {
            (string actual, int batches) = Run(vector.Data);
            if (batches == 1)
            {
                return actual == expected ? null : $"{vector}: Spark\n{expected}engine\n{actual}";
            }
            if (attempt == MaxAttempts)
            {
                return $"{vector}: the lines came in {batches} batches in each of {MaxAttempts} runs";
            }
        }
    }

    /// <summary>Runs the vector's query until every line it sent was read; the console text and the batch count.</summary>
    private static (string Console, int Batches) Run(JObject data)
    {
        List<string[]> sources = data["sources"] is JArray many
            ? many.Select(s => s.Values<string>().Select(l => l!).ToArray()).ToList()
            : [data["lines"]!.Values<string>().Select(l => l!).ToArray()];
        string[]? tags = data["tags"]?.Values<string>().Select(t => t!).ToArray();
        using var session = new TestSession();
        var servers = sources.Select(_ => new LineServer()).ToList();
        try
        {
            DataFrame? input = null;
            for (int i = 0; i < servers.Count; i++)
            {
                DataFrame one = session.Spark.ReadStream().Format("socket")
                    .Option("host", "127.0.0.1").Option("port", servers[i].Port).Load();
                if (tags is not null)
                {
                    one = one.Select(Lit(tags[i]).Alias("camera"), Col("value"));
                }
                input = input is null ? one : input.Union(one);
            }
            DataFrame shown = Shape(input!, data, tags is not null);
            ProgressRecorder progress = session.RecordProgress();
            DataStreamWriter writer = shown.WriteStream().Format("console").Trigger(Trigger.ProcessingTime(200));
            foreach (JProperty option in (data["options"] as JObject)?.Properties() ?? [])
            {
                writer = writer.Option(option.Name, (string)option.Value!);
            }
            StreamingQuery query = writer.Start();
            servers.ForEach(s => s.WaitForConnection());
            for (int i = 0; i < servers.Count; i++)
            {
                servers[i].SendLines(sources[i]);
            }
            int sent = sources.Sum(s => s.Length);
            Eventually.True(() => progress.Progress.Sum(p => p.NumInputRows) >= sent, "every line read");
            query.Stop();
            return (session.Console, progress.Progress.Count);
        }
        finally
        {
            servers.ForEach(s => s.Dispose());
        }
    }

    /// <summary>The vector's steps after the sources: a filter that drops every row, from_json, the columns, literals.</summary>
    private static DataFrame Shape(DataFrame input, JObject data, bool tagged)
    {
        if ((bool?)data["dropAll"] == true)
        {
            Func<Column, Column> never = Udf<string, bool>(_ => false);
            input = input.Filter(never(Col("value")));
        }
        DataFrame df = input;
        if ((string?)data["schema"] is { } schema)
        {
            Column[] kept = tagged ? [Col("camera"), Col("value")] : [Col("value")];
            df = df.Select([.. kept, FromJson(Col("value"), SchemaText.Parse(schema).Json).Alias("data")]);
        }
        string[] columns = data["columns"]?.Values<string>().Select(c => c!).ToArray()
            ?? (data["schema"] is null ? [] : ["data.*"]);
        if (columns.Length > 0)
        {
            df = df.Select(columns[0], columns[1..]);
        }
        if (data["literals"] is JArray literals)
        {
            df = df.Select([Col("*"), .. literals.Select(l => Lit(LiteralValue(l)))]);
        }
        return df;
    }

    private static object LiteralValue(JToken token) => token.Type switch
    {
        JTokenType.Integer => (int)token,
        JTokenType.Float => (double)token,
        JTokenType.Boolean => (bool)token,
        _ => (string)token!,
    };
}
