using SparkVideo.CameraServer.Encoding;

namespace SparkVideo.CameraServer.Streaming;

/// <summary>
/// A single-slot broadcast mailbox between the capture loop and the consumers. Publishing replaces the
/// frame; each reader takes the newest one and learns how many it missed, so a slow consumer drops stale
/// frames instead of queueing them. Memory is bounded: one frame, however slow the readers are.
/// </summary>
internal sealed class LatestFrameMailbox
{
    private readonly object _gate = new();
    private readonly List<Reader> _readers = [];
    private EncodedFrame? _latest;
    private long _sequence;
    private bool _completed;
    private int _blocked;
    private long _waitsBegun;

    /// <summary>
    /// Threads blocked in <see cref="Reader.TryTakeNewest"/> or <see cref="WaitUntilAllTaken"/> right now, and how many
    /// waits have begun in all: a test waits on these instead of sleeping and hoping a thread got there.
    /// </summary>
    internal (int Blocked, long WaitsBegun) Waiting
    {
        get
        {
            lock (_gate)
            {
                return (_blocked, _waitsBegun);
            }
        }
    }

    public int ReaderCount
    {
        get
        {
            lock (_gate)
            {
                return _readers.Count;
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="frame"/> the newest; the mailbox takes over the caller's reference, and releases the one it
    /// held on the frame it replaces (a reader that took it holds its own).
    /// </summary>
    public void Publish(EncodedFrame frame)
    {
        lock (_gate)
        {
            if (_completed)
            {
                frame.Release();
                return;
            }
            _latest?.Release();
            _latest = frame;
            _sequence++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>No more frames: readers take what is newer than their last frame, then see the end.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>A new reader receives only frames published after it subscribed, never a stale one.</summary>
    public Reader Subscribe()
    {
        lock (_gate)
        {
            var reader = new Reader(this, _sequence);
            _readers.Add(reader);
            Monitor.PulseAll(_gate);
            return reader;
        }
    }

    /// <summary>Blocks until a reader is subscribed; false on timeout or completion.</summary>
    public bool WaitForReaders(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            while (_readers.Count == 0 && !_completed)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || !Monitor.Wait(_gate, (int)remaining))
                {
                    break;
                }
            }
            return _readers.Count > 0 && !_completed;
        }
    }

    /// <summary>
    /// Back-pressure for the unlimited rate: blocks until every reader has taken the newest frame (or none
    /// is left). False once completed.
    /// </summary>
    public bool WaitUntilAllTaken()
    {
        lock (_gate)
        {
            while (!_completed && _readers.Exists(reader => reader.Taken < _sequence))
            {
                WaitLocked();
            }
            return !_completed;
        }
    }

    private void WaitLocked()
    {
        _blocked++;
        _waitsBegun++;
        try
        {
            Monitor.Wait(_gate);
        }
        finally
        {
            _blocked--;
        }
    }

    /// <summary>One consumer's view of the mailbox. Dispose to unsubscribe.</summary>
    public sealed class Reader : IDisposable
    {
        private readonly LatestFrameMailbox _owner;

        internal Reader(LatestFrameMailbox owner, long taken)
        {
            _owner = owner;
            Taken = taken;
        }

        internal long Taken { get; private set; }

        private bool _cancelled;

        /// <summary>Frames published since this reader's last take (dropped if it leaves now).</summary>
        public long Unseen
        {
            get
            {
                lock (_owner._gate)
                {
                    return _owner._sequence - Taken;
                }
            }
        }

        /// <summary>
        /// Blocks until a frame newer than the last one taken exists and takes it; <paramref name="skipped"/>
        /// counts the frames published in between that this reader will never see. False at the end, or once
        /// cancelled. The frame comes with a reference of its own: release it once sent.
        /// </summary>
        public bool TryTakeNewest(out EncodedFrame frame, out long skipped)
        {
            lock (_owner._gate)
            {
                while (_owner._sequence == Taken && !_owner._completed && !_cancelled)
                {
                    _owner.WaitLocked();
                }
                if (_owner._sequence == Taken || _cancelled)
                {
                    frame = null!;
                    skipped = 0;
                    return false;
                }
                skipped = _owner._sequence - Taken - 1;
                Taken = _owner._sequence;
                frame = _owner._latest!.Share();
                Monitor.PulseAll(_owner._gate); // wakes a producer waiting in WaitUntilAllTaken
                return true;
            }
        }

        /// <summary>
        /// Unsubscribes at once (its consumer has gone): the producer no longer waits for it, and a
        /// <see cref="TryTakeNewest"/> in progress or to come returns false.
        /// </summary>
        public void Cancel()
        {
            lock (_owner._gate)
            {
                _cancelled = true;
                _owner._readers.Remove(this);
                Monitor.PulseAll(_owner._gate);
            }
        }

        public void Dispose()
        {
            lock (_owner._gate)
            {
                _owner._readers.Remove(this);
                Monitor.PulseAll(_owner._gate);
            }
        }
    }
}
