namespace SparkVideo.LiveView.Web;

/// <summary>At most <see cref="Capacity"/> video viewers at once; the next one is turned away (503).</summary>
public sealed class ViewerGate(int capacity)
{
    public const int DefaultCapacity = 8;

    private int active;

    public int Capacity { get; } = capacity;

    public int Active => Volatile.Read(ref active);

    public bool TryEnter()
    {
        while (true)
        {
            var current = Volatile.Read(ref active);
            if (current >= Capacity)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref active, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Leave() => Interlocked.Decrement(ref active);
}
