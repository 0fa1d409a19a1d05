using System.Globalization;
using SparkVideo.Engine.Execution.Plans;

namespace SparkVideo.Engine.Tests;

/// <summary>
/// Not run in parallel with other tests (see <see cref="NotParallelCollection"/>): with the thread pool held by other
/// tests the partitions run one after another, and "never on two threads at once" would hold without being tested.
/// </summary>
[Collection(NotParallelCollection.Name)]
public sealed class HashRepartitionTests : StreamingQueryTest
{
    [Fact]
    public void A_streaming_key_is_never_processed_on_two_threads_at_once_and_keeps_its_order()
    {
        using var server = new LineServer();
        var running = new Dictionary<string, int>();
        var seen = new Dictionary<string, List<int>>();
        var overlaps = 0;
        Func<Column, Column> track = Udf<string, string>(value =>
        {
            var key = value.Split(':')[0];
            lock (running)
            {
                running[key] = running.GetValueOrDefault(key) + 1;
                overlaps += running[key] > 1 ? 1 : 0;
                seen.TryAdd(key, []);
                seen[key].Add(int.Parse(value.Split(':')[1], CultureInfo.InvariantCulture));
            }
            Thread.Sleep(1);
            lock (running)
            {
                running[key]--;
            }
            return value;
        });
        var batches = new BatchCollector();
        StreamingQuery query = Session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", server.Port).Load()
            .Repartition(4, Split(Col("value"))).Select(track(Col("value")).Alias("value"))
            .WriteStream().ForeachBatch(batches.Add).Option("checkpointLocation", Checkpoint.Path).Start();
        server.WaitForConnection();

        // Three keys over four partitions: round-robin would spread every key over all of them.
        string[] sent = Enumerable.Range(0, 400).Select(i => $"cam{i % 3}:{i}").ToArray();
        server.SendLines(sent);
        Eventually.True(() => batches.AllRows.Count >= sent.Length, "every row");
        query.Stop();

        Assert.Equal(0, overlaps);
        Assert.Equal(3, seen.Count);
        Assert.All(seen.Values, numbers => Assert.Equal(numbers.Order(), numbers));
    }

    [Fact]
    public void The_hash_is_murmur3_as_spark_computes_it()
    {
        // "test" is one whole 4-byte word, where Spark's hash is the reference MurmurHash3_x86_32 (0xba6bd213 for seed 0).
        Assert.Equal(unchecked((int)0xba6bd213), Murmur3Hash.Of("test", 0));
        // Spark SQL's hash('') with its seed, 42.
        Assert.Equal(142593372, Murmur3Hash.Of("", Murmur3Hash.Seed));
        Assert.Equal(Murmur3Hash.Of("cam1", Murmur3Hash.Seed), Murmur3Hash.Of("cam1", Murmur3Hash.Seed));
        Assert.Equal(Murmur3Hash.Seed, Murmur3Hash.Of(null, Murmur3Hash.Seed));
        Assert.InRange(Murmur3Hash.Partition(-7, 4), 0, 3);
    }

    [Fact]
    public void Repartition_by_columns_needs_a_positive_count_and_known_columns()
    {
        DataFrame lines = Session.Lines("a", "b");
        Assert.Throws<ArgumentException>(() => lines.Repartition(0, Col("value")));
        Assert.Throws<AnalysisException>(() => lines.Repartition(2, Col("nope")));
    }

    /// <summary>The key of a "key:number" line, as a column: a UDF, as the engine has no split function.</summary>
    private static Column Split(Column value) => Udf<string, string>(line => line.Split(':')[0])(value);
}
