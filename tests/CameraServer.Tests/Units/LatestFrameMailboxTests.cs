using SparkVideo.CameraServer.Encoding;
using SparkVideo.CameraServer.Streaming;
using SparkVideo.Testing;

namespace SparkVideo.CameraServer.Tests.Units;

public sealed class LatestFrameMailboxTests
{
    private static EncodedFrame Frame(double timestamp) => new(timestamp, [(byte)'\n']);

    [Fact]
    public void A_reader_gets_only_the_newest_frame_and_counts_the_skipped_ones()
    {
        var mailbox = new LatestFrameMailbox();
        using var reader = mailbox.Subscribe();
        mailbox.Publish(Frame(1));
        mailbox.Publish(Frame(2));
        mailbox.Publish(Frame(3));

        Assert.True(reader.TryTakeNewest(out var frame, out var skipped));

        Assert.Equal(3, frame.Timestamp);
        Assert.Equal(2, skipped);
    }

    [Fact]
    public void A_new_reader_never_gets_a_frame_published_before_it_subscribed()
    {
        var mailbox = new LatestFrameMailbox();
        mailbox.Publish(Frame(1));
        using var reader = mailbox.Subscribe();
        mailbox.Complete();

        Assert.False(reader.TryTakeNewest(out _, out _));
    }

    [Fact]
    public void Completion_still_delivers_the_last_frame_then_ends()
    {
        var mailbox = new LatestFrameMailbox();
        using var reader = mailbox.Subscribe();
        mailbox.Publish(Frame(1));
        mailbox.Complete();

        Assert.True(reader.TryTakeNewest(out var frame, out _));
        Assert.Equal(1, frame.Timestamp);
        Assert.False(reader.TryTakeNewest(out _, out _));
    }

    [Fact]
    public async Task Take_blocks_until_a_frame_is_published()
    {
        var mailbox = new LatestFrameMailbox();
        using var reader = mailbox.Subscribe();
        var take = Task.Run(() => reader.TryTakeNewest(out var frame, out _) ? frame.Timestamp : -1);

        Eventually.True(() => mailbox.Waiting.Blocked == 1 || take.IsCompleted, "the reader to block or return");
        Assert.False(take.IsCompleted);
        mailbox.Publish(Frame(7));

        Assert.Equal(7, await take.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task The_producer_waits_until_every_reader_has_taken_the_frame()
    {
        var mailbox = new LatestFrameMailbox();
        using var first = mailbox.Subscribe();
        using var second = mailbox.Subscribe();
        mailbox.Publish(Frame(1));
        var producer = Task.Run(mailbox.WaitUntilAllTaken);
        Eventually.True(() => mailbox.Waiting.Blocked == 1, "the producer to wait for both readers");
        var waitsBefore = mailbox.Waiting.WaitsBegun;

        first.TryTakeNewest(out _, out _);
        // Woken by the first take, the producer either returns (wrong) or checks again and waits for the second.
        Eventually.True(() => mailbox.Waiting is { Blocked: 1 } waiting && waiting.WaitsBegun > waitsBefore || producer.IsCompleted,
            "the producer to wait again or return");
        Assert.False(producer.IsCompleted);
        second.TryTakeNewest(out _, out _);

        Assert.True(await producer.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Waiting_for_readers_times_out_without_any_and_returns_once_one_subscribes()
    {
        var mailbox = new LatestFrameMailbox();
        Assert.False(mailbox.WaitForReaders(TimeSpan.FromMilliseconds(20)));

        using var reader = mailbox.Subscribe();

        Assert.True(mailbox.WaitForReaders(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, mailbox.ReaderCount);
    }

    [Fact]
    public void A_frame_a_reader_took_stays_readable_after_a_newer_one_replaces_it_until_the_reader_releases_it()
    {
        var mailbox = new LatestFrameMailbox();
        using var reader = mailbox.Subscribe();
        var first = Pooled(1);
        mailbox.Publish(first);
        Assert.True(reader.TryTakeNewest(out var taken, out _));

        mailbox.Publish(Pooled(2));

        Assert.Equal("1\n"u8.ToArray(), taken.Line.ToArray());
        taken.Release();
        Assert.Throws<ObjectDisposedException>(() => first.Line.Length);
    }

    [Fact]
    public void A_frame_nobody_took_is_released_when_a_newer_one_replaces_it_or_the_mailbox_has_completed()
    {
        var mailbox = new LatestFrameMailbox();
        using var reader = mailbox.Subscribe();
        var replaced = Pooled(1);
        mailbox.Publish(replaced);
        mailbox.Publish(Pooled(2));
        mailbox.Complete();
        var late = Pooled(3);
        mailbox.Publish(late);

        Assert.Throws<ObjectDisposedException>(() => replaced.Line.Length);
        Assert.Throws<ObjectDisposedException>(() => late.Line.Length);
        Assert.True(reader.TryTakeNewest(out var last, out _));
        Assert.Equal("2\n"u8.ToArray(), last.Line.ToArray());
    }

    private static EncodedFrame Pooled(int digit)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(2);
        buffer[0] = (byte)('0' + digit);
        buffer[1] = (byte)'\n';
        return EncodedFrame.Pooled(digit, buffer, 2);
    }
}
