using System.Diagnostics;
using SparkVideo.CameraServer.Encoding;
using SparkVideo.CameraServer.Streaming;

namespace SparkVideo.CameraServer.Tests.Units;

public sealed class PacingAndClockTests
{
    [Fact]
    public void Capture_timestamps_are_strictly_increasing_unix_seconds_even_when_read_back_to_back()
    {
        var clock = new CaptureClock();
        var previous = clock.Next();
        Assert.InRange(previous, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        for (var i = 0; i < 100_000; i++)
        {
            var next = clock.Next();
            Assert.True(next > previous);
            previous = next;
        }
    }

    [Fact]
    public void The_pacer_spaces_slots_by_one_over_fps_on_an_absolute_schedule()
    {
        var pacer = new FramePacer(100);
        pacer.Restart();
        var elapsed = Stopwatch.StartNew();

        for (var slot = 0; slot <= 20; slot++)
        {
            Assert.True(pacer.WaitForNextSlot(CancellationToken.None));
        }

        // Slot 20 is due 200 ms after the start; the upper bound only guards against a pacer that drifts badly.
        Assert.InRange(elapsed.Elapsed.TotalMilliseconds, 195, 1000);
    }

    [Fact]
    public void A_claimed_slot_is_not_claimed_again_before_the_next_one_is_due()
    {
        var pacer = new FramePacer(1);
        pacer.Restart();

        Assert.True(pacer.TryClaimSlot());
        Assert.False(pacer.TryClaimSlot());
    }

    [Fact]
    public void A_cancelled_wait_returns_false()
    {
        var pacer = new FramePacer(0.5);
        pacer.Restart();
        pacer.WaitForNextSlot(CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(pacer.WaitForNextSlot(cancelled.Token));
    }

    [Fact]
    public void The_send_budget_allows_exactly_max_frames_and_reports_the_last_one()
    {
        var budget = new SendBudget(3);
        Assert.True(budget.TryReserve());
        Assert.True(budget.TryReserve());
        Assert.True(budget.TryReserve());
        Assert.False(budget.TryReserve());
        budget.Release();
        Assert.True(budget.TryReserve());

        Assert.False(budget.MarkSent());
        Assert.False(budget.MarkSent());
        Assert.True(budget.MarkSent());
    }
}
