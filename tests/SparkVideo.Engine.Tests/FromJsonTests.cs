using SparkVideo.Engine.Sql;
using SparkVideo.Engine.Sql.Types;
using SparkVideo.Engine.Tests.Support;
using static SparkVideo.Engine.Sql.Functions;

namespace SparkVideo.Engine.Tests;

public sealed class FromJsonTests : IDisposable
{
    private const string Ddl = "timestamp DOUBLE, frame_width INT, frame_height INT, frame_data STRING";
    private readonly TestSession _session = new();

    private static StructType FrameSchema => new(
    [
        new StructField("timestamp", new DoubleType()),
        new StructField("frame_width", new IntegerType()),
        new StructField("frame_height", new IntegerType()),
        new StructField("frame_data", new StringType()),
    ]);

    public void Dispose() => _session.Dispose();

    [Fact]
    public void StructTypeJsonMatchesDotnetSparkSortedForm()
    {
        Assert.Equal(
            "{\"fields\":[{\"metadata\":{},\"name\":\"timestamp\",\"nullable\":true,\"type\":\"double\"}," +
            "{\"metadata\":{},\"name\":\"frame_width\",\"nullable\":true,\"type\":\"integer\"}," +
            "{\"metadata\":{},\"name\":\"frame_height\",\"nullable\":true,\"type\":\"integer\"}," +
            "{\"metadata\":{},\"name\":\"frame_data\",\"nullable\":true,\"type\":\"string\"}],\"type\":\"struct\"}",
            FrameSchema.Json);
        Assert.Equal("struct<timestamp:double,frame_width:integer,frame_height:integer,frame_data:string>", FrameSchema.SimpleString);
        Assert.Equal("integer", new IntegerType().TypeName);
        Assert.Equal(FrameSchema, DataType.ParseDataType(FrameSchema.Json));
    }

    [Theory]
    [InlineData(Ddl)]
    [InlineData(null)]
    public void ParsesGoodLinesAndNullsBadOnes(string? ddl)
    {
        string schema = ddl ?? FrameSchema.Json;
        string[] lines =
        [
            "{\"timestamp\": 1767668128.3084435, \"frame_width\": 640, \"frame_height\": 480, \"frame_data\": \"QUJD\"}",
            "not json at all",
            "{\"timestamp\": 1.5, \"frame_width\": \"wide\", \"frame_height\": 480, \"frame_data\": \"x\"}",
            "{\"timestamp\": 2.0, \"extra\": [1, 2], \"frame_data\": \"y\"}",
            "{\"timestamp\": 3.0, \"frame_width\": 640, \"frame_da",
            "",
        ];
        DataFrame frames = _session.Spark.CreateDataFrame(lines)
            .Select(Col("_1").Alias("value"), FromJson(Col("_1"), schema).Alias("data"))
            .Select("value", "data.*");

        Assert.Equal(new[] { "value", "timestamp", "frame_width", "frame_height", "frame_data" }, frames.Columns());
        List<object[]> rows = frames.Collect().Select(r => r.Values[1..]).ToList();

        Assert.Equal(new object[] { 1767668128.3084435, 640, 480, "QUJD" }, rows[0]);
        Assert.Equal(new object?[] { null, null, null, null }, rows[1]);
        // Spark 3.x PERMISSIVE: a field of the wrong type is null, the others keep their values.
        Assert.Equal(new object?[] { 1.5, null, 480, "x" }, rows[2]);
        // Missing fields are null, unknown fields are ignored.
        Assert.Equal(new object?[] { 2.0, null, null, "y" }, rows[3]);
        // A line cut short is a syntax error: every field null.
        Assert.Equal(new object?[] { null, null, null, null }, rows[4]);
        Assert.Equal(new object?[] { null, null, null, null }, rows[5]);
    }

    [Fact]
    public void NullInputGivesNullStructAndNestedAccessWorks()
    {
        var schema = new StructType([new StructField("value", new StringType())]);
        DataFrame df = _session.Spark.CreateDataFrame([new GenericRow([null]), new GenericRow(["{\"frame_width\": 7}"])], schema)
            .Select(FromJson(Col("value"), Ddl).Alias("data"));
        List<Row> rows = df.Select(Col("data"), Col("data.frame_width"), Col("data").GetField("frame_data").Alias("fd")).Collect().ToList();

        Assert.Null(rows[0].Get(0));
        Assert.Null(rows[0].Get(1));
        Assert.Equal(7, rows[1].Get("frame_width"));
        Assert.Null(rows[1].Get("fd"));
        Assert.IsType<Row>(rows[1].Get(0));
    }

    [Fact]
    public void FilterOnParsedFieldKeepsOnlyGoodLines()
    {
        DataFrame good = _session.Spark.CreateDataFrame(["{\"frame_data\": \"a\"}", "garbage", "{\"frame_data\": null}"])
            .Select(FromJson(Col("_1"), Ddl).Alias("data")).Select("data.*")
            .Filter(Col("frame_data").IsNotNull());
        Assert.Equal(1, good.Count());
        Assert.Equal(1, good.Where("frame_data IS NOT NULL AND frame_data = 'a'").Count());
        Assert.Equal(0, good.Filter("frame_data != 'a' OR frame_width > 3").Count());
    }

    [Fact]
    public void UnknownColumnFailsWhenTheDataFrameIsBuilt()
    {
        DataFrame df = _session.Spark.CreateDataFrame(["x"]);
        AnalysisException e = Assert.Throws<AnalysisException>(() => df.Select(Col("nope")));
        Assert.Contains("`nope`", e.Message);
        Assert.Throws<AnalysisException>(() => df["nope"]);
        Assert.Throws<ArgumentException>(() => FromJson(Col("_1"), "a BLOB"));
    }
}
