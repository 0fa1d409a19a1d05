using System.Diagnostics;
using SparkVideo.Engine.Checkpoint;
using SparkVideo.Engine.Execution.Expressions;
using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Monitoring;
using SparkVideo.Engine.Sinks;
using SparkVideo.Engine.Sources;
using SparkVideo.Engine.Sql;
using SparkVideo.Engine.Sql.Streaming;

namespace SparkVideo.Engine.Execution;

/// <summary>
/// Runs a streaming query on its own thread: waits for the trigger and for new lines, takes what the sources hold,
/// logs the batch's offsets, runs the plan, hands the rows to the sink, commits, and reports progress. Each source
/// (one per socket a union reads) has its own reader thread, reconnects and buffer, so one that goes away never
/// stops the others; a batch takes whatever every source holds.
/// </summary>
internal sealed class MicroBatchExecution
{
    private const int MaxRowsPerBatch = 10_000;

    private readonly SparkSession _session;
    private readonly LogicalPlan _plan;
    private readonly IStreamingSink _sink;
    private readonly Trigger _trigger;
    private readonly CheckpointDirectory _checkpoint;
    private readonly TextWriter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _stopLock = new(); // Stop and the end of the run agree on whether _stop is still there
    private bool _finished;

    // A completion, not an event: IsActive and AwaitTermination are asked after the end too, so it has nothing to
    // dispose. Continuations run on the thread pool, never on the query thread that completes it.
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AutoResetEvent _dataArrived = new(false);
    private readonly IReadOnlyList<StreamingSourcePlan> _sourcePlans;
    private readonly SocketSource[] _sources;
    private Thread? _thread;
    private StreamingQueryException? _exception;
    private StreamingQuery? _queryHandle;

    public MicroBatchExecution(SparkSession session, LogicalPlan plan, IReadOnlyList<StreamingSourcePlan> sources, IStreamingSink sink,
        Trigger trigger, string? name, CheckpointDirectory checkpoint)
    {
        _session = session;
        _plan = plan;
        _sink = sink;
        _trigger = trigger;
        _checkpoint = checkpoint;
        Name = name;
        _log = session.Settings.Log;
        _sourcePlans = sources;
        _sources = sources.Select(s => new SocketSource(s.Options, _log, _dataArrived)).ToArray();
    }

    public string? Name { get; }

    public string Id => _checkpoint.QueryId;

    public string RunId { get; } = Guid.NewGuid().ToString();

    public bool IsActive => !_terminated.Task.IsCompleted;

    public StreamingQueryException? Exception => Volatile.Read(ref _exception);

    /// <summary>The first source's bounded buffer (for inspection: its high-water mark proves the bound held).</summary>
    internal BoundedLineBuffer SourceBuffer => _sources[0].Buffer;

    public void Start()
    {
        foreach (SocketSource source in _sources)
        {
            source.Start();
        }
        _thread = new Thread(Run) { IsBackground = true, Name = $"stream execution thread for {Name} [id = {Id}, runId = {RunId}]" };
        _thread.Start();
    }

    /// <summary>Stops the query: the running batch is abandoned uncommitted, the socket closed; blocks until done.</summary>
    public void Stop()
    {
        lock (_stopLock)
        {
            if (!_finished)
            {
                _stop.Cancel();
            }
        }
        if (_thread is not null && _thread != Thread.CurrentThread)
        {
            _thread.Join();
        }
    }

    /// <summary>Waits for the end; rethrows the exception that ended the query.</summary>
    public bool AwaitTermination(TimeSpan timeout)
    {
        bool ended = _terminated.Task.Wait(timeout);
        if (ended && Exception is { } failure)
        {
            throw failure;
        }
        return ended;
    }

    /// <summary>The public handle, so the session's registry can drop it when the query ends.</summary>
    internal void Attach(StreamingQuery handle) => _queryHandle = handle;

    private void Run()
    {
        CancellationToken token = _stop.Token;
        long batchId = _checkpoint.NextBatchId;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (_trigger.IntervalMs == 0)
                {
                    WaitForData(token);
                    RunBatch(batchId++, token);
                    continue;
                }
                // Spark's ProcessingTimeExecutor: the next trigger is the grid point after this trigger's start;
                // a batch that overruns it is followed at once, without a burst of catch-up batches.
                long triggerMs = Environment.TickCount64;
                long nextTriggerMs = triggerMs / _trigger.IntervalMs * _trigger.IntervalMs + _trigger.IntervalMs;
                if (HasData())
                {
                    RunBatch(batchId++, token);
                }
                long wait = nextTriggerMs - Environment.TickCount64;
                if (wait > 0 && token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(wait)))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            string detail = e is UdfFailureException or BatchFailedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            Volatile.Write(ref _exception, new StreamingQueryException(
                $"Query {Name} [id = {Id}, runId = {RunId}] terminated with exception: {detail}", e.InnerException ?? e));
        }
        finally
        {
            Finish();
        }
    }

    private void RunBatch(long batchId, CancellationToken token)
    {
        // Stopwatch, not Environment.TickCount64: on Linux that is the coarse clock (4 ms steps), which read 25 ms
        // sleeps as 20-24 ms and a batch of them below its own sleep.
        long started = Stopwatch.GetTimestamp();
        var input = new Dictionary<StreamingSourcePlan, List<object?[]>>(_sources.Length);
        long[] endOffsets = new long[_sources.Length];
        int inputRows = 0;
        for (int s = 0; s < _sources.Length; s++)
        {
            List<ReceivedLine> lines = _sources[s].Buffer.TakeUpTo(MaxRowsPerBatch);
            endOffsets[s] = _checkpoint.LastCommittedOffsets[s] + lines.Count;
            inputRows += lines.Count;
            var rows = new List<object?[]>(lines.Count);
            foreach (ReceivedLine line in lines)
            {
                rows.Add([line.Value]);
            }
            input[_sourcePlans[s]] = rows;
        }
        _checkpoint.WriteOffsets(batchId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), endOffsets);

        IReadOnlyList<List<object?[]>> output;
        try
        {
            output = new PlanExecutor(_session.Parallelism, token).Execute(_plan, input);
            token.ThrowIfCancellationRequested();
            _sink.AddBatch(batchId, _plan.Schema, output);
        }
        catch (UdfFailureException e)
        {
            throw new BatchFailedException($"Batch {batchId}: {e.Message}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BatchFailedException($"Batch {batchId}: {e.GetType().Name}: {e.Message}", e);
        }

        _checkpoint.WriteCommit(batchId, endOffsets);
        var progress = new StreamingQueryProgress
        {
            Id = Id,
            BatchId = batchId,
            NumInputRows = inputRows,
            TriggerExecutionMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            NumOutputRows = output.Sum(p => p.Count),
            DroppedOverlongLines = _sources.Sum(s => s.DroppedLines),
        };
        Report(progress);
    }

    /// <summary>
    /// Sleeps until a source buffers a line or the query stops, without polling: the event is an AutoResetEvent, so
    /// a line buffered between the check and the wait leaves it set and the wait returns at once.
    /// </summary>
    private void WaitForData(CancellationToken token)
    {
        WaitHandle[] wakeUps = [_dataArrived, token.WaitHandle];
        while (!HasData())
        {
            WaitHandle.WaitAny(wakeUps);
            token.ThrowIfCancellationRequested();
        }
    }

    private bool HasData() => _sources.Any(s => s.Buffer.Count > 0);

    private void Finish()
    {
        foreach (SocketSource source in _sources)
        {
            source.Dispose();
        }
        _dataArrived.Dispose();
        if (Exception is null)
        {
            _checkpoint.DeleteIfTemporary();
        }
        _session.UnregisterQuery(_queryHandle!);
        lock (_stopLock)
        {
            _finished = true;
            _stop.Dispose();
        }
        _terminated.SetResult();
    }

    /// <summary>Calls the session's listeners as registered now: like Spark, one added mid-query sees its next batches.</summary>
    private void Report(StreamingQueryProgress progress)
    {
        foreach (StreamingQueryListener listener in _session.Settings.Listeners)
        {
            try
            {
                listener.OnQueryProgress(progress);
            }
            catch (Exception e)
            {
                lock (_log)
                {
                    _log.WriteLine($"engine: a StreamingQueryListener failed: {e.GetType().Name}: {e.Message}");
                }
            }
        }
    }

    /// <summary>A batch failed; the message names the batch and, for a UDF, the row's argument values.</summary>
    private sealed class BatchFailedException(string message, Exception inner) : Exception(message, inner);
}
