using System.Buffers;

namespace SparkVideo.Frames;

/// <summary>
/// Bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>, given back on Dispose: a frame's decoded JPEG
/// lives here for the few milliseconds it is needed instead of in a new array per frame.
/// </summary>
internal sealed class PooledBytes : IDisposable
{
    private byte[]? array;

    public PooledBytes(int capacity) => array = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => (array ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsSpan(0, Length);

    /// <summary>The whole rented array, to write into; then <see cref="SetLength"/>.</summary>
    internal Span<byte> Buffer => array ?? throw new ObjectDisposedException(nameof(PooledBytes));

    internal void SetLength(int length) => Length = length;

    public void Dispose()
    {
        if (array is { } rented)
        {
            array = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
