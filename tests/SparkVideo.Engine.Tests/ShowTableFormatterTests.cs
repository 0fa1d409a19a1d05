using SparkVideo.Engine.Sinks;

namespace SparkVideo.Engine.Tests;

/// <summary>Golden text of Spark's show() table, as the console sink prints each batch.</summary>
public sealed class ShowTableFormatterTests
{
    private static readonly string[] Header = ["timestamp", "output_path"];

    private static List<object?[]> Frames(int count) => Enumerable.Range(0, count)
        .Select(i => new object?[] { 1767668128.3084435 + i, i == 1 ? null : $"output_frames/frame_{i:D6}_background_removed.jpg" })
        .ToList();

    [Fact]
    public void Truncated_cells_are_cut_and_right_aligned()
    {
        Assert.Equal(
            "+--------------------+--------------------+\n" +
            "|           timestamp|         output_path|\n" +
            "+--------------------+--------------------+\n" +
            "|1.7676681283084435E9|output_frames/fra...|\n" +
            "|1.7676681293084435E9|                NULL|\n" +
            "+--------------------+--------------------+\n",
            ShowTableFormatter.Format(Header, Frames(2), numRows: 20, truncate: 20));
    }

    [Fact]
    public void Untruncated_cells_are_left_aligned_and_whole()
    {
        Assert.Equal(
            "+--------------------+-------------------------------------------------+\n" +
            "|timestamp           |output_path                                      |\n" +
            "+--------------------+-------------------------------------------------+\n" +
            "|1.7676681283084435E9|output_frames/frame_000000_background_removed.jpg|\n" +
            "+--------------------+-------------------------------------------------+\n",
            ShowTableFormatter.Format(Header, Frames(1), numRows: 20, truncate: 0));
    }

    [Fact]
    public void More_rows_than_num_rows_says_only_showing_top()
    {
        List<object?[]> rows = [["a"], ["bb"], ["c"]];
        Assert.Equal(
            "+---+\n" +
            "| _1|\n" +
            "+---+\n" +
            "|  a|\n" +
            "| bb|\n" +
            "+---+\n" +
            "only showing top 2 rows\n",
            ShowTableFormatter.Format(["_1"], rows, numRows: 2, truncate: 20));
    }

    [Fact]
    public void One_row_is_singular_and_structs_show_as_braces()
    {
        List<object?[]> rows = [[new object?[] { 2.5, null, true }], [new object?[] { 1.0, "x", false }]];
        Assert.Equal(
            "+-----------------+\n" +
            "|data             |\n" +
            "+-----------------+\n" +
            "|{2.5, NULL, true}|\n" +
            "+-----------------+\n" +
            "only showing top 1 row\n",
            ShowTableFormatter.Format(["data"], rows, numRows: 1, truncate: 0));
    }
}
