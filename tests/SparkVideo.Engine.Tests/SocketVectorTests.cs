using System.Text;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Tests;

/// <summary>
/// Vectors/socket.jsonl: the lines Spark 3.5's socket source makes of what a server sends (it reads with Java's
/// BufferedReader.readLine over UTF-8), taken from Apache Spark's tests and that reader's rules. Each vector runs on a
/// real loopback server, and the rows are collected with ForeachBatch. The runner ends every vector the same way: it
/// closes the connection (a partial last line is delivered, as readLine delivers it at the end of the stream), waits
/// for the engine to reconnect and sends a last line, so it knows every earlier line has arrived; that line is not
/// part of the vector.
/// </summary>
public sealed class SocketVectorTests
{
    private const string EndOfVector = "end-of-vector";

    [Fact]
    public void Socket_source_splits_lines_as_Spark_does_for_every_vector()
    {
        VectorFile.AssertEveryVectorAgrees("socket.jsonl", atLeast: 10, Check, parallelism: 4);
    }

    private static string? Check(Vector vector)
    {
        List<string> actual = Run((JArray)vector.Data["steps"]!).Select(EscapeLoneSurrogates).ToList();
        string key = vector.Differs is null ? "expected" : "engine";
        List<string> wanted = vector.Data[key]!.Values<string>().Select(l => l!).ToList();
        if (actual.SequenceEqual(wanted))
        {
            return null;
        }
        return $"{vector}: {key} [{Show(wanted)}], engine gave [{Show(actual)}]";
    }

    /// <summary>
    /// A lone surrogate as the text \uXXXX: a JSON parser may turn the escape of one into U+FFFD, so the vector files
    /// write it this way (the engine's escaped invalid bytes are lone surrogates).
    /// </summary>
    private static string EscapeLoneSurrogates(string line)
    {
        var text = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            bool paired = char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]);
            if (paired)
            {
                text.Append(c).Append(line[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    private static string Show(IEnumerable<string> lines) => string.Join(", ", lines.Select(l => JsonConvertString(l)));

    private static string JsonConvertString(string line) => new JValue(line).ToString(Newtonsoft.Json.Formatting.None);

    private static List<string> Run(JArray steps)
    {
        using var session = new TestSession();
        using var server = new LineServer();
        using var checkpoint = new TempDir();
        var batches = new BatchCollector();
        StreamingQuery query = session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", server.Port).Load()
            .WriteStream().ForeachBatch(batches.Add).Option("checkpointLocation", checkpoint.Path).Start();
        List<string> Lines() => batches.AllRows.Select(r => (string)r.Get(0)).ToList();
        server.WaitForConnection();
        foreach (JObject step in steps.Cast<JObject>())
        {
            if ((string?)step["send"] is { } text)
            {
                server.SendRaw(Encoding.UTF8.GetBytes(text));
            }
            if ((string?)step["bytes"] is { } hex)
            {
                server.SendRaw(Convert.FromHexString(hex));
            }
            if ((bool?)step["reconnect"] == true)
            {
                server.DropClient();
                server.WaitForConnection();
            }
            if ((int?)step["await"] is { } count)
            {
                Eventually.True(() => Lines().Count >= count, $"{count} lines");
            }
        }
        server.DropClient();
        server.WaitForConnection();
        server.SendLines([EndOfVector]);
        Eventually.True(() => Lines().Contains(EndOfVector), "the end of the vector");
        query.Stop();
        return Lines().TakeWhile(l => l != EndOfVector).ToList();
    }
}
