using System.Globalization;
using System.Text;

namespace SparkVideo.Processing.Rejects;

/// <summary>
/// An append-only text log capped by size: when the next line would take <c>name</c> past its share of the
/// total, <c>name.1</c>..<c>name.(files-1)</c> move up one, the oldest is deleted and <c>name</c> starts empty.
/// At most <paramref name="totalBytes"/> on disk over all its files. Not thread-safe; the caller serializes.
/// </summary>
internal sealed class RotatingLogFile(string path, long totalBytes, int files)
{
    private readonly long _maxFileBytes = Math.Max(1, totalBytes / files);
    private long _currentBytes = -1;

    public string Path { get; } = path;

    public long TotalBytes { get; } = totalBytes;

    /// <summary>Appends one line (a newline is added); a line longer than a whole file is cut to fit.</summary>
    public void Append(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        if (bytes.Length > _maxFileBytes)
        {
            bytes = [.. bytes.AsSpan(0, (int)_maxFileBytes - 1), (byte)'\n'];
        }
        if (_currentBytes < 0)
        {
            _currentBytes = File.Exists(Path) ? new FileInfo(Path).Length : 0;
        }
        if (_currentBytes > 0 && _currentBytes + bytes.Length > _maxFileBytes)
        {
            Rotate();
        }
        using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            stream.Write(bytes);
        }
        _currentBytes += bytes.Length;
    }

    private void Rotate()
    {
        File.Delete(Numbered(files - 1));
        for (var i = files - 2; i >= 1; i--)
        {
            if (File.Exists(Numbered(i)))
            {
                File.Move(Numbered(i), Numbered(i + 1));
            }
        }
        File.Move(Path, Numbered(1));
        _currentBytes = 0;
    }

    private string Numbered(int index) => Path + "." + index.ToString(CultureInfo.InvariantCulture);
}
