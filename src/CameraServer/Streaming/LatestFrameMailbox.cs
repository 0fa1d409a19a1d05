using CameraServer.Encoding;

namespace CameraServer.Streaming;

/// <summary>
/// A single-slot broadcast mailbox between the capture loop and the consumers. Publishing replaces the
/// frame; each reader takes the newest one and learns how many it missed, so a slow consumer drops stale
/// frames instead of queueing them. Memory is bounded: one frame, however slow the readers are.
/// </summary>
internal sealed class LatestFrameMailbox
{
    private readonly object gate = new();
    private readonly List<Reader> readers = [];
    private EncodedFrame? latest;
    private long sequence;
    private bool completed;

    public int ReaderCount
    {
        get
        {
            lock (gate)
            {
                return readers.Count;
            }
        }
    }

    public void Publish(EncodedFrame frame)
    {
        lock (gate)
        {
            if (completed)
            {
                return;
            }
            latest = frame;
            sequence++;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>No more frames: readers take what is newer than their last frame, then see the end.</summary>
    public void Complete()
    {
        lock (gate)
        {
            completed = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>A new reader receives only frames published after it subscribed, never a stale one.</summary>
    public Reader Subscribe()
    {
        lock (gate)
        {
            var reader = new Reader(this, sequence);
            readers.Add(reader);
            Monitor.PulseAll(gate);
            return reader;
        }
    }

    /// <summary>Blocks until a reader is subscribed; false on timeout or completion.</summary>
    public bool WaitForReaders(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (gate)
        {
            while (readers.Count == 0 && !completed)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || !Monitor.Wait(gate, (int)remaining))
                {
                    break;
                }
            }
            return readers.Count > 0 && !completed;
        }
    }

    /// <summary>
    /// Back-pressure for the unlimited rate: blocks until every reader has taken the newest frame (or none
    /// is left). False once completed.
    /// </summary>
    public bool WaitUntilAllTaken()
    {
        lock (gate)
        {
            while (!completed && readers.Exists(reader => reader.Taken < sequence))
            {
                Monitor.Wait(gate);
            }
            return !completed;
        }
    }

    /// <summary>One consumer's view of the mailbox. Dispose to unsubscribe.</summary>
    public sealed class Reader : IDisposable
    {
        private readonly LatestFrameMailbox owner;

        internal Reader(LatestFrameMailbox owner, long taken)
        {
            this.owner = owner;
            Taken = taken;
        }

        internal long Taken { get; private set; }

        private bool cancelled;

        /// <summary>Frames published since this reader's last take (dropped if it leaves now).</summary>
        public long Unseen
        {
            get
            {
                lock (owner.gate)
                {
                    return owner.sequence - Taken;
                }
            }
        }

        /// <summary>
        /// Blocks until a frame newer than the last one taken exists and takes it; <paramref name="skipped"/>
        /// counts the frames published in between that this reader will never see. False at the end, or once
        /// cancelled.
        /// </summary>
        public bool TryTakeNewest(out EncodedFrame frame, out long skipped)
        {
            lock (owner.gate)
            {
                while (owner.sequence == Taken && !owner.completed && !cancelled)
                {
                    Monitor.Wait(owner.gate);
                }
                if (owner.sequence == Taken || cancelled)
                {
                    frame = null!;
                    skipped = 0;
                    return false;
                }
                skipped = owner.sequence - Taken - 1;
                Taken = owner.sequence;
                frame = owner.latest!;
                Monitor.PulseAll(owner.gate); // wakes a producer waiting in WaitUntilAllTaken
                return true;
            }
        }

        /// <summary>
        /// Unsubscribes at once (its consumer has gone): the producer no longer waits for it, and a
        /// <see cref="TryTakeNewest"/> in progress or to come returns false.
        /// </summary>
        public void Cancel()
        {
            lock (owner.gate)
            {
                cancelled = true;
                owner.readers.Remove(this);
                Monitor.PulseAll(owner.gate);
            }
        }

        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.readers.Remove(this);
                Monitor.PulseAll(owner.gate);
            }
        }
    }
}
