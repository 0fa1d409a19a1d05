namespace SparkVideo.Mjpeg.Tests;

public sealed class ViewerGateTests
{
    [Fact]
    public void The_viewer_after_the_capacity_is_turned_away_until_one_leaves()
    {
        var gate = new ViewerGate(capacity: 2);

        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
        Assert.Equal(2, gate.Active);

        gate.Leave();
        Assert.True(gate.TryEnter());
    }

    [Fact]
    public void Viewers_arriving_at_once_never_exceed_the_capacity()
    {
        var gate = new ViewerGate(capacity: ViewerGate.DefaultCapacity);
        var entered = 0;

        Parallel.For(0, 1000, _ =>
        {
            if (gate.TryEnter())
            {
                Interlocked.Increment(ref entered);
            }
        });

        Assert.Equal(ViewerGate.DefaultCapacity, entered);
        Assert.Equal(ViewerGate.DefaultCapacity, gate.Active);
    }
}
