namespace SparkVideo.Testing;

/// <summary>Waits on a condition with a generous deadline instead of sleeping and hoping.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Polls until <paramref name="condition"/> holds; on timeout throws naming what it was <paramref name="waitingFor"/>.</summary>
    public static void True(Func<bool> condition, string waitingFor, TimeSpan? timeout = null) =>
        True(condition, () => $"timed out waiting for {waitingFor}", timeout);

    /// <summary>Polls until <paramref name="condition"/> holds; throws with <paramref name="describe"/>'s text on timeout or when <paramref name="giveUp"/> says waiting is pointless.</summary>
    public static void True(Func<bool> condition, Func<string> describe, TimeSpan? timeout = null, Func<bool>? giveUp = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? DefaultTimeout).TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline || (giveUp?.Invoke() ?? false))
            {
                if (condition())
                {
                    return;
                }
                throw new TimeoutException(describe());
            }
            Thread.Sleep(50);
        }
    }
}
