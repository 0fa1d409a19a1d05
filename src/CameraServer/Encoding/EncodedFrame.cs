using System.Buffers;

namespace SparkVideo.CameraServer.Encoding;

/// <summary>
/// One frame ready for the wire: its capture time and the complete JSON line (newline included), shared by the mailbox
/// and every consumer sending it. Each holder owns one reference (the creator the first; <see cref="Share"/> adds one)
/// and releases it when done; the last release returns a pooled line's buffer to the shared pool, so that frames cost
/// no allocation. A reference never released only means that its buffer is not reused.
/// </summary>
internal sealed class EncodedFrame
{
    private readonly int _length;
    private readonly bool _pooled;
    private byte[]? _buffer;
    private int _references = 1;

    /// <summary>A frame over a line of its own (not pooled).</summary>
    public EncodedFrame(double timestamp, byte[] line)
        : this(timestamp, line, line.Length, pooled: false)
    {
    }

    private EncodedFrame(double timestamp, byte[] buffer, int length, bool pooled)
    {
        Timestamp = timestamp;
        _buffer = buffer;
        _length = length;
        _pooled = pooled;
    }

    public double Timestamp { get; }

    /// <exception cref="ObjectDisposedException">Every reference was released.</exception>
    public ReadOnlySpan<byte> Line =>
        (Volatile.Read(ref _buffer) ?? throw new ObjectDisposedException(nameof(EncodedFrame), "every reference was released")).AsSpan(0, _length);

    /// <summary>A frame whose line is the first <paramref name="length"/> bytes of a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static EncodedFrame Pooled(double timestamp, byte[] rented, int length) => new(timestamp, rented, length, pooled: true);

    /// <summary>One more reference, for a holder that releases it on its own; the caller must hold a reference.</summary>
    public EncodedFrame Share()
    {
        if (Interlocked.Increment(ref _references) <= 1)
        {
            throw new InvalidOperationException("the frame was shared after its last reference was released");
        }
        return this;
    }

    public void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left < 0)
        {
            throw new InvalidOperationException("the frame was released more times than it was shared");
        }
        if (left == 0 && Interlocked.Exchange(ref _buffer, null) is { } buffer && _pooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
