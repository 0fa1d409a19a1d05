namespace SparkVideo.Frames;

/// <summary>
/// A frame's JPEG as <see cref="FrameValidator"/> leaves it: the bytes, in a pooled buffer given back on Dispose, and
/// the size its header declares, read once and equal to the frame's declared size. A decoder takes the size from
/// here instead of reading the header again; only the validator makes one.
/// </summary>
public sealed class ValidatedJpeg : IDisposable
{
    private readonly PooledBytes bytes;

    internal ValidatedJpeg(PooledBytes bytes, int width, int height)
    {
        this.bytes = bytes;
        Width = width;
        Height = height;
    }

    public ReadOnlySpan<byte> Span => bytes.Span;

    /// <summary>The width in the JPEG's header.</summary>
    public int Width { get; }

    /// <summary>The height in the JPEG's header.</summary>
    public int Height { get; }

    public void Dispose() => bytes.Dispose();
}
