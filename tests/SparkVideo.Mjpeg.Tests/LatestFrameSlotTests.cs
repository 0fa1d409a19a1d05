namespace SparkVideo.Mjpeg.Tests;

/// <summary>The slot between the job's output and the viewers: frames nobody watches cost nothing.</summary>
public sealed class LatestFrameSlotTests
{
    [Fact]
    public async Task A_frame_is_read_once_when_a_viewer_asks_and_never_when_nobody_does()
    {
        var slot = new LatestFrameSlot();
        var reads = 0;
        slot.Publish(() => { Interlocked.Increment(ref reads); return [1]; });
        slot.Publish(() => { Interlocked.Increment(ref reads); return [2]; });

        var first = await slot.WaitNewerAsync(0, CancellationToken.None);
        var second = await slot.WaitNewerAsync(0, CancellationToken.None);

        Assert.Equal(0, reads);
        Assert.Equal([2], first.Jpeg);
        Assert.Equal([2], second.Jpeg);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task A_viewer_waits_for_a_frame_newer_than_the_one_it_sent()
    {
        var slot = new LatestFrameSlot();
        slot.Publish([1]);
        var sent = await slot.WaitNewerAsync(0, CancellationToken.None);

        var next = slot.WaitNewerAsync(sent.Sequence, CancellationToken.None);
        Assert.False(next.IsCompleted);
        slot.Publish([2]);

        Assert.Equal([2], (await next.WaitAsync(TimeSpan.FromSeconds(5))).Jpeg);
    }
}
