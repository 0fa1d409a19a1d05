using SparkVideo.Engine.Sql;
using SparkVideo.Engine.Sql.Types;
using SparkVideo.Engine.Tests.Support;

namespace SparkVideo.Engine.Tests;

/// <summary>Golden text of Spark's show() table, through DataFrame.Show on the engine's console writer.</summary>
public sealed class ConsoleFormatTests : IDisposable
{
    private readonly TestSession _session = new();

    public void Dispose() => _session.Dispose();

    private DataFrame Frames(int count)
    {
        var schema = new StructType([new StructField("timestamp", new DoubleType()), new StructField("output_path", new StringType())]);
        IEnumerable<GenericRow> rows = Enumerable.Range(0, count).Select(i =>
            new GenericRow([1767668128.3084435 + i, i == 1 ? null : $"output_frames/frame_{i:D6}_background_removed.jpg"]));
        return _session.Spark.CreateDataFrame(rows, schema);
    }

    [Fact]
    public void TruncatedCellsAreCutAndRightAligned()
    {
        Frames(2).Show();
        Assert.Equal(
            "+--------------------+--------------------+\n" +
            "|           timestamp|         output_path|\n" +
            "+--------------------+--------------------+\n" +
            "|1.7676681283084435E9|output_frames/fra...|\n" +
            "|1.7676681293084435E9|                null|\n" +
            "+--------------------+--------------------+\n" +
            "\n",
            _session.Console);
    }

    [Fact]
    public void UntruncatedCellsAreLeftAlignedAndWhole()
    {
        Frames(1).Show(truncate: 0);
        Assert.Equal(
            "+--------------------+-------------------------------------------------+\n" +
            "|timestamp           |output_path                                      |\n" +
            "+--------------------+-------------------------------------------------+\n" +
            "|1.7676681283084435E9|output_frames/frame_000000_background_removed.jpg|\n" +
            "+--------------------+-------------------------------------------------+\n" +
            "\n",
            _session.Console);
    }

    [Fact]
    public void MoreRowsThanNumRowsSaysOnlyShowingTop()
    {
        _session.Spark.CreateDataFrame(["a", "bb", "c"]).Show(2);
        Assert.Equal(
            "+---+\n" +
            "| _1|\n" +
            "+---+\n" +
            "|  a|\n" +
            "| bb|\n" +
            "+---+\n" +
            "only showing top 2 rows\n" +
            "\n",
            _session.Console);
    }

    [Fact]
    public void OneRowIsSingular()
    {
        _session.Spark.CreateDataFrame(["a", "b"]).Show(1);
        Assert.Contains("only showing top 1 row\n", _session.Console);
    }
}
