using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Tests;

/// <summary>
/// Vectors/from-json.jsonl: each line a schema, an input text and the struct Spark 3.5's from_json (PERMISSIVE, the
/// default spark.sql.columnNameOfCorruptRecord) gives, taken from Apache Spark's own tests. Each goes through the
/// public API as the job uses it: a DataFrame of lines, FromJson(Col("value"), schema.Json), Collect.
/// </summary>
public sealed class FromJsonVectorTests : IDisposable
{
    private readonly TestSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void From_json_gives_what_Spark_gives_for_every_vector()
    {
        VectorFile.AssertEveryVectorAgrees("from-json.jsonl", atLeast: 40, Check);
    }

    /// <summary>Null when the engine gives what the vector says; otherwise what went wrong.</summary>
    private string? Check(Vector vector)
    {
        StructType schema = SchemaText.Parse((string)vector.Data["schema"]!);
        string? input = (string?)vector.Data["input"];
        if (vector.Data["error"] is { } error)
        {
            try
            {
                _session.Lines(input).Select(FromJson(Col("value"), schema.Json));
                return $"{vector}: expected an AnalysisException with \"{error}\", the query was accepted";
            }
            catch (AnalysisException e)
            {
                return e.Message.Contains((string)error!, StringComparison.Ordinal) ? null : $"{vector}: {e.Message}";
            }
        }
        Row row = Assert.Single(_session.Lines(input).Select(FromJson(Col("value"), schema.Json).Alias("data")).Collect());
        string actual = StructText.OfRow((Row?)row.Get(0), schema);
        string spark = StructText.OfJson(vector.Data["expected"]!, schema);
        if (vector.Differs is null)
        {
            return actual == spark ? null : $"{vector}: Spark {spark}, engine {actual}";
        }
        // A deliberate difference: the engine's documented result is checked, so a change in either shows.
        string engine = StructText.OfJson(vector.Data["engine"]!, schema);
        return actual == engine && engine != spark ? null : $"{vector} (differs: {vector.Differs}): documented {engine}, engine {actual}";
    }
}
