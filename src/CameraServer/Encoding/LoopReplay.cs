namespace SparkVideo.CameraServer.Encoding;

/// <summary>
/// The first pass of a looped video file, as the JPEGs that were sent: once the file has started over, its frames are
/// taken from here in the same order instead of being decoded and encoded again. Decoding and encoding are
/// deterministic, so the bytes are the ones a second decode would give (CameraServer.Tests compares passes). A pass
/// larger than the cap is not kept at all: the file is then decoded and encoded every time, as without the cache.
/// </summary>
internal sealed class LoopReplay(Func<int> passesCompleted, long maxBytes)
{
    private readonly List<byte[]> _frames = [];
    private long _bytes;
    private bool _abandoned;
    private int _next = -1;

    /// <summary>True once the first pass is complete and kept: <see cref="Next"/> gives the frames.</summary>
    public bool Replaying => _next >= 0;

    public int Frames => _frames.Count;

    public long Bytes => _bytes;

    /// <summary>
    /// Records the JPEG of the frame just read from the file and encoded. The first frame of the second pass ends the
    /// recording: it was encoded afresh, so the replay starts at the pass's second frame.
    /// </summary>
    /// <returns>True when this call started the replay.</returns>
    public bool Record(ReadOnlySpan<byte> jpeg)
    {
        if (_abandoned || Replaying)
        {
            return false;
        }
        if (passesCompleted() > 0)
        {
            if (_frames.Count == 0)
            {
                _abandoned = true;
                return false;
            }
            _next = 1 % _frames.Count;
            return true;
        }
        if (_bytes + jpeg.Length > maxBytes)
        {
            _abandoned = true;
            _frames.Clear();
            _frames.TrimExcess();
            _bytes = 0;
            return false;
        }
        _frames.Add(jpeg.ToArray());
        _bytes += jpeg.Length;
        return false;
    }

    /// <summary>The next frame of the pass (kept, never changed: it may be handed on without a copy).</summary>
    public byte[] Next()
    {
        if (!Replaying)
        {
            throw new InvalidOperationException("the file's first pass is not complete");
        }
        var frame = _frames[_next];
        _next = (_next + 1) % _frames.Count;
        return frame;
    }
}
