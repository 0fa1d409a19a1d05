namespace SparkVideo.Mjpeg;

/// <summary>At most <see cref="Capacity"/> video viewers at once; the next one is turned away (503).</summary>
public sealed class ViewerGate(int capacity)
{
    public const int DefaultCapacity = 8;

    private int _active;

    public int Capacity { get; } = capacity;

    public int Active => Volatile.Read(ref _active);

    public bool TryEnter()
    {
        while (true)
        {
            var current = Volatile.Read(ref _active);
            if (current >= Capacity)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _active, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Leave() => Interlocked.Decrement(ref _active);
}
