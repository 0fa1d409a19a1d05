namespace SparkVideo.Engine.Sources;

/// <summary>
/// Cuts a byte stream into UTF-8 lines as Java's BufferedReader.readLine (Spark's socket source) does: a line ends at
/// \n, \r or \r\n. Invalid bytes are kept as U+DC80..U+DCFF, see <see cref="ByteEscapingUtf8"/>. A line longer than
/// the cap is not kept: its bytes are skipped up to the next line end and reported, so memory stays within the cap.
/// </summary>
internal sealed class LineSplitter(int maxLineBytes, Action<string, int> emitLine, Action<long> onDropped)
{
    private byte[] _line = new byte[Math.Min(maxLineBytes, 64 * 1024)];
    private int _length;
    private bool _skipping;
    private long _skippedBytes;
    private bool _afterCarriageReturn; // a \n right after a \r ends no second line

    public void Feed(ReadOnlySpan<byte> data)
    {
        if (_afterCarriageReturn && !data.IsEmpty)
        {
            _afterCarriageReturn = false;
            if (data[0] == '\n')
            {
                data = data[1..];
            }
        }
        while (!data.IsEmpty)
        {
            int end = data.IndexOfAny((byte)'\n', (byte)'\r');
            ReadOnlySpan<byte> part = end < 0 ? data : data[..end];
            Append(part);
            if (end < 0)
            {
                return;
            }
            EndLine();
            int next = end + 1;
            if (data[end] == '\r')
            {
                if (next == data.Length)
                {
                    _afterCarriageReturn = true;
                }
                else if (data[next] == '\n')
                {
                    next++;
                }
            }
            data = data[next..];
        }
    }

    /// <summary>The connection ended: a partial line is delivered as it is, never joined to later data.</summary>
    public void Flush()
    {
        _afterCarriageReturn = false;
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
        int length = _length;
        _length = 0;
        // Spark would show invalid UTF-8 as U+FFFD; keeping its bytes (as U+DC80..U+DCFF) lets a reject name them.
        emitLine(ByteEscapingUtf8.Decode(_line.AsSpan(0, length)), length);
    }
}
