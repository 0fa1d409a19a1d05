using System.Text;
using SparkVideo.Frames.Output;

namespace SparkVideo.LiveView.Status;

/// <summary>
/// Reads the lines appended to <c>rejects.log</c> since the last call. Only the first three tab-separated fields
/// (UTC time, timestamp, reason) are used; the excerpt is left alone. Survives size rotation: when the file now
/// starts with another line than before, it was renamed to <c>rejects.log.1</c>, whose unread tail is read first.
/// Lines written before the reader was created (an earlier run) are skipped.
/// </summary>
internal sealed class RejectsLogReader
{
    private const int MaxBytesPerRead = 4 * 1024 * 1024;

    private readonly string _path;
    private long _offset;
    private string? _firstLine;

    public RejectsLogReader(string path)
    {
        _path = path;
        (_firstLine, _offset) = (ReadFirstLine(path), CompleteLinesLength(path));
    }

    public List<RejectEntry> ReadNew()
    {
        var entries = new List<RejectEntry>();
        var currentFirst = ReadFirstLine(_path);
        if (_firstLine is not null && currentFirst != _firstLine)
        {
            var rotated = _path + ".1";
            if (ReadFirstLine(rotated) == _firstLine)
            {
                ReadFrom(rotated, _offset, entries);
            }
            _offset = 0;
        }
        _firstLine = currentFirst;
        if (currentFirst is not null)
        {
            _offset = ReadFrom(_path, _offset, entries);
        }
        return entries;
    }

    /// <summary>Parses the complete lines from <paramref name="start"/>; returns the offset after the last one.</summary>
    private static long ReadFrom(string file, long start, List<RejectEntry> into)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length <= start)
            {
                return stream.Length < start ? 0 : start;
            }
            stream.Position = start;
            bytes = new byte[(int)Math.Min(MaxBytesPerRead, stream.Length - start)];
            stream.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return start;
        }
        var end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        foreach (var line in Encoding.UTF8.GetString(bytes, 0, end).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var logged = RejectsLogLine.Parse(line);
            into.Add(new RejectEntry(logged.LoggedAt, logged.Timestamp, logged.Reason));
        }
        return start + end;
    }

    private static string? ReadFirstLine(string file)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            var buffer = new char[256];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            var text = new string(buffer, 0, read);
            var newline = text.IndexOf('\n');
            return newline < 0 ? null : text[..newline];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Where the last complete line ends: a line being appended right now is read next time.</summary>
    private static long CompleteLinesLength(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var tail = new byte[(int)Math.Min(64 * 1024, stream.Length)];
            stream.Position = stream.Length - tail.Length;
            stream.ReadExactly(tail);
            return stream.Length - tail.Length + Array.LastIndexOf(tail, (byte)'\n') + 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
