using System.Globalization;

namespace SparkVideo.Demo.Display;

/// <summary>
/// Passes one of every N of the job's console batches (Spark's console sink: a dashed line, <c>Batch: N</c>, a
/// dashed line, the table, a blank line) and every other line, so the <c>[stats]</c> line stays on screen. Batch
/// ids divisible by N are shown, Batch 0 included. Not thread-safe: one stream's lines, in order.
/// </summary>
internal sealed class BatchTableFilter(int every)
{
    private const string BatchPrefix = "Batch: ";

    private enum Part
    {
        Outside,
        AfterFirstRule,
        AfterBatchLine,
        InTable,
    }

    private Part _part = Part.Outside;
    private bool _showing = true;
    private string? _heldRule;

    /// <summary>The lines to print for <paramref name="line"/>: none, itself, or a held dashed line and itself.</summary>
    public IEnumerable<string> Accept(string line)
    {
        if (every == 1)
        {
            return [line];
        }
        switch (_part)
        {
            case Part.AfterFirstRule:
                var rule = _heldRule!;
                _heldRule = null;
                if (BatchId(line) is { } id)
                {
                    _showing = id % every == 0;
                    _part = Part.AfterBatchLine;
                    return _showing ? [rule, line] : [];
                }
                _part = Part.Outside;
                return [rule, .. Accept(line)];
            case Part.AfterBatchLine when IsRule(line):
                _part = Part.InTable;
                return Shown(line);
            case Part.InTable when line.StartsWith('+') || line.StartsWith('|'):
                return Shown(line);
            case Part.InTable when line.Length == 0:
                _part = Part.Outside;
                return Shown(line);
        }
        if (IsRule(line))
        {
            _heldRule = line;
            _part = Part.AfterFirstRule;
            return [];
        }
        // Anything else ([stats], a warning printed between two rows) is never hidden.
        return [line];
    }

    private string[] Shown(string line) => _showing ? [line] : [];

    private static bool IsRule(string line) => line.Length > 0 && line.All(c => c == '-');

    private static long? BatchId(string line) =>
        line.StartsWith(BatchPrefix, StringComparison.Ordinal) &&
        long.TryParse(line.AsSpan(BatchPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
