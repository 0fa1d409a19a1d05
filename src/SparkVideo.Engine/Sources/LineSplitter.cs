namespace SparkVideo.Engine.Sources;

/// <summary>
/// Cuts a byte stream into UTF-8 lines ending in \n (a trailing \r is removed; invalid bytes are kept as U+DC80..U+DCFF, see
/// <see cref="ByteEscapingUtf8"/>). A line longer than the cap is not
/// kept: its bytes are skipped up to the next newline and reported, so memory stays within the cap.
/// </summary>
internal sealed class LineSplitter(int maxLineBytes, Action<string, int> emitLine, Action<long> onDropped)
{
    private byte[] _line = new byte[Math.Min(maxLineBytes, 64 * 1024)];
    private int _length;
    private bool _skipping;
    private long _skippedBytes;

    public void Feed(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            ReadOnlySpan<byte> part = newline < 0 ? data : data[..newline];
            Append(part);
            if (newline < 0)
            {
                return;
            }
            EndLine();
            data = data[(newline + 1)..];
        }
    }

    /// <summary>The connection ended: a partial line is delivered as it is, never joined to later data.</summary>
    public void Flush()
    {
        if (_skipping || _length > 0)
        {
            EndLine();
        }
    }

    private void Append(ReadOnlySpan<byte> part)
    {
        if (_skipping)
        {
            _skippedBytes += part.Length;
            return;
        }
        if (_length + (long)part.Length > maxLineBytes)
        {
            _skipping = true;
            _skippedBytes = _length + (long)part.Length;
            _length = 0;
            return;
        }
        if (_length + part.Length > _line.Length)
        {
            Array.Resize(ref _line, (int)Math.Min(maxLineBytes, Math.Max(_line.Length * 2L, _length + part.Length)));
        }
        part.CopyTo(_line.AsSpan(_length));
        _length += part.Length;
    }

    private void EndLine()
    {
        if (_skipping)
        {
            long dropped = _skippedBytes;
            _skipping = false;
            _skippedBytes = 0;
            onDropped(dropped);
            return;
        }
        int length = _length > 0 && _line[_length - 1] == '\r' ? _length - 1 : _length;
        _length = 0;
        // Spark would show invalid UTF-8 as U+FFFD; keeping its bytes (as U+DC80..U+DCFF) lets a reject name them.
        emitLine(ByteEscapingUtf8.Decode(_line.AsSpan(0, length)), length);
    }
}
