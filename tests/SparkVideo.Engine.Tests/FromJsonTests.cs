namespace SparkVideo.Engine.Tests;

public sealed class FromJsonTests : IDisposable
{
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
    public void Struct_type_json_matches_dotnet_Spark_sorted_form()
    {
        Assert.Equal(
            "{\"fields\":[{\"metadata\":{},\"name\":\"timestamp\",\"nullable\":true,\"type\":\"double\"}," +
            "{\"metadata\":{},\"name\":\"frame_width\",\"nullable\":true,\"type\":\"integer\"}," +
            "{\"metadata\":{},\"name\":\"frame_height\",\"nullable\":true,\"type\":\"integer\"}," +
            "{\"metadata\":{},\"name\":\"frame_data\",\"nullable\":true,\"type\":\"string\"}],\"type\":\"struct\"}",
            FrameSchema.Json);
        // Spark's Scala side writes "type" first; both orders are read.
        const string scalaOrder =
            "{\"type\":\"struct\",\"fields\":[{\"name\":\"w\",\"type\":\"integer\",\"nullable\":false,\"metadata\":{}}]}";
        Assert.Equal(new StructType([new StructField("w", new IntegerType(), isNullable: false)]).Json,
            DataTypeJsonParser.ParseSchema(scalaOrder).Json);
    }

    [Fact]
    public void A_fields_metadata_is_written_into_the_schema_json_as_Spark_writes_it()
    {
        var metadata = new Newtonsoft.Json.Linq.JObject { ["comment"] = "capture time" };

        var schema = new StructType([new StructField("timestamp", new DoubleType(), metadata: metadata)]);

        Assert.Equal(
            "{\"fields\":[{\"metadata\":{\"comment\":\"capture time\"},\"name\":\"timestamp\",\"nullable\":true,\"type\":\"double\"}],\"type\":\"struct\"}",
            schema.Json);
    }

    [Fact]
    public void From_json_takes_Sparks_options_parameter_and_refuses_an_option_it_does_not_implement()
    {
        Assert.NotNull(FromJson(Col("value"), FrameSchema.Json, []));

        var refused = Assert.Throws<NotSupportedException>(() =>
            FromJson(Col("value"), FrameSchema.Json, new Dictionary<string, string> { ["mode"] = "FAILFAST" }));

        Assert.Equal("The embedded engine's from_json takes no options; given: 'mode'.", refused.Message);
    }

    [Fact]
    public void Parses_good_lines_and_nulls_bad_ones()
    {
        DataFrame frames = _session.Lines(
                "{\"timestamp\": 1767668128.3084435, \"frame_width\": 640, \"frame_height\": 480, \"frame_data\": \"QUJD\"}",
                "not json at all",
                "{\"timestamp\": 1.5, \"frame_width\": \"wide\", \"frame_height\": 480, \"frame_data\": \"x\"}",
                "{\"timestamp\": 2.0, \"extra\": [1, 2], \"frame_data\": \"y\"}",
                "{\"timestamp\": 3.0, \"frame_width\": 640, \"frame_da",
                "",
                "{\"timestamp\": 4, \"frame_width\": 1e3, \"frame_height\": 2147483648, \"frame_data\": {\"nested\": true}}")
            .Select(Col("value"), FromJson(Col("value"), FrameSchema.Json).Alias("data"))
            .Select("value", "data.*");

        List<Row> rows = frames.Collect().ToList();

        Assert.Equal("QUJD", rows[0].Get("frame_data"));
        Assert.Equal(rows[0].Values, frames.Select(Col("*")).Collect().First().Values);
        List<object[]> fields = rows.Select(r => r.Values[1..]).ToList();
        Assert.Equal(new object[] { 1767668128.3084435, 640, 480, "QUJD" }, fields[0]);
        Assert.Equal(new object?[] { null, null, null, null }, fields[1]);
        // Spark 3.x PERMISSIVE: a field of the wrong type is null, the others keep their values.
        Assert.Equal(new object?[] { 1.5, null, 480, "x" }, fields[2]);
        // Missing fields are null, unknown fields are ignored.
        Assert.Equal(new object?[] { 2.0, null, null, "y" }, fields[3]);
        // A line cut short is a syntax error: every field null.
        Assert.Equal(new object?[] { null, null, null, null }, fields[4]);
        Assert.Equal(new object?[] { null, null, null, null }, fields[5]);
        // An integer is a double; a float or an out-of-range number is not an integer; JSON read into a string is its text.
        Assert.Equal(new object?[] { 4.0, null, null, "{\"nested\":true}" }, fields[6]);
    }

    [Fact]
    public void Corrupt_record_field_gets_the_text_of_every_malformed_record()
    {
        StructType schema = new([.. FrameSchema.Fields, new StructField("_corrupt_record", new StringType())]);
        string[] lines =
        [
            "{\"timestamp\": 1.5, \"frame_width\": 640, \"frame_height\": 480, \"frame_data\": \"x\"}",
            "not json at all",
            "[1.5, 640, 480]",
            "{\"timestamp\": 1.5, \"frame_width\": \"wide\", \"frame_height\": 480}",
            "{\"timestamp\": 2.0, \"frame_data\": null, \"_corrupt_record\": \"mine\"}",
            "",
        ];
        List<object?[]> fields = _session.Lines(lines)
            .Select(FromJson(Col("value"), schema.Json).Alias("data"))
            .Select("data.*")
            .Collect().Select(r => r.Values).ToList();

        Assert.Equal(new object?[] { 1.5, 640, 480, "x", null }, fields[0]);
        Assert.Equal(new object?[] { null, null, null, null, lines[1] }, fields[1]);
        Assert.Equal(new object?[] { null, null, null, null, lines[2] }, fields[2]);
        // A field that does not fit makes the record malformed; the fields that fit keep their values.
        Assert.Equal(new object?[] { 1.5, null, 480, null, lines[3] }, fields[3]);
        // Missing and null fields are not malformed, and the input cannot fill the corrupt-record field itself.
        Assert.Equal(new object?[] { 2.0, null, null, null, null }, fields[4]);
        Assert.Equal(new object?[] { null, null, null, null, null }, fields[5]);

        StructType notAString = new([.. FrameSchema.Fields, new StructField("_corrupt_record", new IntegerType())]);
        AnalysisException wrongType =
            Assert.Throws<AnalysisException>(() => _session.Lines("{}").Select(FromJson(Col("value"), notAString.Json)));
        Assert.Contains("must be string type and nullable", wrongType.Message);
    }

    [Fact]
    public void Null_input_gives_null_struct_and_nested_names_resolve()
    {
        List<Row> rows = _session.Lines(null, "{\"frame_width\": 7}")
            .Select(FromJson(Col("value"), FrameSchema.Json).Alias("data"))
            .Select(Col("data"), Col("data.frame_width"), Col("DATA.frame_data").Alias("fd"))
            .Collect().ToList();

        Assert.Null(rows[0].Get(0));
        Assert.Null(rows[0].Get(1));
        Assert.Equal(7, rows[1].GetAs<int>("frame_width"));
        Assert.Null(rows[1].Get("fd"));
        Assert.IsType<Row>(rows[1].Get(0));
    }

    [Fact]
    public void Filter_with_a_boolean_udf_keeps_only_parsed_lines()
    {
        StructType schema = new([.. FrameSchema.Fields, new StructField("_corrupt_record", new StringType())]);
        var dropped = new System.Collections.Concurrent.ConcurrentBag<string>();
        Func<Column, Column, Column, Column> isFrame = Udf<string, string, string, bool>((frameData, corruptRecord, line) =>
        {
            if (frameData is null)
            {
                dropped.Add(corruptRecord is null ? $"no frame_data: {line}" : $"malformed: {line}");
            }
            return frameData is not null;
        });
        List<Row> kept = _session.Lines("{\"frame_data\": \"a\"}", "garbage", "{\"frame_data\": null}")
            .Select(Col("value"), FromJson(Col("value"), schema.Json).Alias("data"))
            .Select("value", "data.*")
            .Filter(isFrame(Col("frame_data"), Col("_corrupt_record"), Col("value")))
            .Collect().ToList();

        Assert.Equal("{\"frame_data\": \"a\"}", Assert.Single(kept).GetAs<string>("value"));
        Assert.Equal(["malformed: garbage", "no frame_data: {\"frame_data\": null}"], dropped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Wrong_queries_fail_when_the_data_frame_is_built()
    {
        DataFrame df = _session.Lines("x");
        AnalysisException unknown = Assert.Throws<AnalysisException>(() => df.Select(Col("nope")));
        Assert.Contains("[UNRESOLVED_COLUMN.WITH_SUGGESTION]", unknown.Message);
        Assert.Contains("`nope`", unknown.Message);
        Func<Column, Column> length = Udf<string, int>(s => s.Length);
        AnalysisException notBoolean = Assert.Throws<AnalysisException>(() => df.Filter(length(Col("value"))));
        Assert.Contains("where \"BOOLEAN\" is required", notBoolean.Message);
        Assert.Throws<AnalysisException>(() => df.Select(FromJson(length(Col("value")), FrameSchema.Json)));
        ArgumentException ddl = Assert.Throws<ArgumentException>(() => FromJson(Col("value"), "a INT"));
        Assert.Contains("does not read DDL strings", ddl.Message);
    }
}
