using System.Globalization;

namespace SparkVideo.Processing;

/// <summary>
/// Every rejected input is counted, printed once on stderr and appended to <c>rejects.log</c> next to the
/// output frames, so nothing is lost silently. Thread-safe; one log per process.
/// </summary>
public static class RejectLog
{
    private const int MaxExcerptChars = 80;
    private static readonly object Gate = new();

    public static void Record(ProcessingSettings settings, double? timestamp, string reason, string? excerpt)
    {
        PipelineStats.Instance.RecordRejected();
        var ts = timestamp is { } t ? t.ToString("R", CultureInfo.InvariantCulture) : "-";
        var shown = Sanitize(excerpt);
        Console.Error.WriteLine($"Rejected frame (timestamp {ts}): {reason}");
        var line = string.Join('\t', DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), ts, reason, shown);
        lock (Gate)
        {
            Directory.CreateDirectory(settings.OutputDirFullPath); // an executor may not have it yet (see FrameFileWriter)
            File.AppendAllText(settings.RejectsLogPath, line + "\n");
        }
    }

    /// <summary>A short, single-line, printable excerpt of hostile input.</summary>
    private static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var cut = text.Length > MaxExcerptChars ? text[..MaxExcerptChars] + "..." : text;
        return string.Concat(cut.Select(c => char.IsControl(c) ? '?' : c));
    }
}
