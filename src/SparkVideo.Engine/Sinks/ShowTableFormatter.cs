using System.Text;
using SparkVideo.Engine.Formats;

namespace SparkVideo.Engine.Sinks;

/// <summary>
/// Dataset.showString's table: +---+ borders, header, cells padded to the widest (at least 3), right-aligned
/// when truncating (cells over the limit cut to limit-3 chars + "..."), left-aligned otherwise, then
/// "only showing top N rows" when rows were left out.
/// </summary>
internal static class ShowTableFormatter
{
    private const int MinimumColumnWidth = 3;

    /// <param name="header">Column names.</param>
    /// <param name="rows">Up to numRows + 1 rows: one more than shown tells that rows were left out.</param>
    /// <param name="numRows">Rows to show.</param>
    /// <param name="truncate">Cell length limit; 0 means no truncation and left alignment.</param>
    public static string Format(IReadOnlyList<string> header, IReadOnlyList<object?[]> rows, int numRows, int truncate)
    {
        bool hasMoreData = rows.Count > numRows;
        var cells = new List<string[]> { header.Select(EscapeMetaCharacters).ToArray() };
        cells.AddRange(rows.Take(numRows)
            .Select(row => row.Select(v => Cut(EscapeMetaCharacters(CellFormatter.Format(v)), truncate)).ToArray()));

        var widths = new int[header.Count];
        for (int c = 0; c < widths.Length; c++)
        {
            widths[c] = Math.Max(MinimumColumnWidth, cells.Max(r => HalfWidthLength(r[c])));
        }

        var sb = new StringBuilder();
        string separator = "+" + string.Join("+", widths.Select(w => new string('-', w))) + "+\n";
        sb.Append(separator);
        AppendRow(sb, cells[0], widths, truncate > 0);
        sb.Append(separator);
        foreach (string[] row in cells.Skip(1))
        {
            AppendRow(sb, row, widths, truncate > 0);
        }
        sb.Append(separator);
        if (hasMoreData)
        {
            sb.Append($"only showing top {numRows} {(numRows == 1 ? "row" : "rows")}\n");
        }
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, string[] row, int[] widths, bool alignRight)
    {
        sb.Append('|');
        for (int c = 0; c < row.Length; c++)
        {
            string padding = new(' ', widths[c] - HalfWidthLength(row[c]));
            sb.Append(alignRight ? padding + row[c] : row[c] + padding).Append('|');
        }
        sb.Append('\n');
    }

    private static string Cut(string text, int truncate)
    {
        if (truncate <= 0 || text.Length <= truncate)
        {
            return text;
        }
        return truncate < 4 ? text[..truncate] : text[..(truncate - 3)] + "...";
    }

    private static string EscapeMetaCharacters(string text) => text
        .Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t").Replace("\f", "\\f")
        .Replace("\b", "\\b").Replace("\u000B", "\\v").Replace("\u0007", "\\a");

    /// <summary>Display width: East Asian full-width characters take two columns, as Spark counts them.</summary>
    private static int HalfWidthLength(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            bool full = c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
                or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE10' and <= '\uFE19') or (>= '\uFE30' and <= '\uFE6F')
                or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
            width += full ? 2 : 1;
        }
        return width;
    }
}
