using System.Buffers;

namespace SparkVideo.Frames;

/// <summary>
/// A frame's JPEG as <see cref="FrameValidator"/> leaves it: the bytes, decoded from base64 into an array rented from
/// <see cref="ArrayPool{T}.Shared"/> (given back on Dispose, so there is no new array per frame), and the size its
/// header declares, read once and equal to the frame's declared size. A decoder takes the size from here instead of
/// reading the header again; only the validator makes one.
/// </summary>
public sealed class ValidatedJpeg : IDisposable
{
    private byte[]? _array;

    internal ValidatedJpeg(int capacity) => _array = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => (_array ?? throw new ObjectDisposedException(nameof(ValidatedJpeg))).AsSpan(0, Length);

    /// <summary>The width in the JPEG's header.</summary>
    public int Width { get; private set; }

    /// <summary>The height in the JPEG's header.</summary>
    public int Height { get; private set; }

    /// <summary>The whole rented array, for the validator to decode into; then <see cref="SetLength"/>.</summary>
    internal Span<byte> Buffer => _array ?? throw new ObjectDisposedException(nameof(ValidatedJpeg));

    internal void SetLength(int length) => Length = length;

    internal void SetHeaderSize(int width, int height) => (Width, Height) = (width, height);

    public void Dispose()
    {
        if (_array is { } rented)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
