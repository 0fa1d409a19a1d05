using System.Diagnostics;
using System.Globalization;
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
/// Runs a streaming query on its own thread: waits for the trigger and for new lines, takes what the source holds,
/// logs the batch's offsets, runs the plan, hands the rows to the sink, commits, and reports progress.
/// </summary>
internal sealed class MicroBatchExecution
{
    private const int RecentProgressCapacity = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly SparkSession _session;
    private readonly LogicalPlan _plan;
    private readonly IStreamingSink _sink;
    private readonly Trigger _trigger;
    private readonly SocketSourceOptions _sourceOptions;
    private readonly CheckpointDirectory _checkpoint;
    private readonly TextWriter _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _terminated = new();
    private readonly Queue<StreamingQueryProgress> _recentProgress = new();
    private readonly object _progressLock = new(); // Monitor.Wait/Pulse need an object lock
    private readonly SocketSource _source;
    private Thread? _thread;
    private long _linesCommitted;
    private StreamingQueryException? _exception;
    private long _previousTriggerTicks;
    private StreamingQuery? _queryHandle;

    public MicroBatchExecution(SparkSession session, LogicalPlan plan, IStreamingSink sink, Trigger trigger,
        string? name, CheckpointDirectory checkpoint)
    {
        _session = session;
        _plan = plan;
        _sink = sink;
        _trigger = trigger;
        _checkpoint = checkpoint;
        Name = name;
        _sourceOptions = FindSource(plan).Options;
        _log = session.Settings.Log;
        _source = new SocketSource(_sourceOptions, _log);
    }

    public string? Name { get; }

    public string Id => _checkpoint.QueryId;

    public string RunId { get; } = Guid.NewGuid().ToString();

    public bool IsActive => !_terminated.IsSet;

    public StreamingQueryException? Exception => Volatile.Read(ref _exception);

    public string PlanText => _plan.TreeString();

    public TextWriter ConsoleOut => _session.Settings.ConsoleOut;

    /// <summary>The source's bounded buffer (for inspection: its high-water mark proves the bound held).</summary>
    internal BoundedLineBuffer SourceBuffer => _source.Buffer;

    public StreamingQueryProgress? LastProgress
    {
        get { lock (_progressLock) return _recentProgress.LastOrDefault(); }
    }

    public IReadOnlyList<StreamingQueryProgress> RecentProgress
    {
        get { lock (_progressLock) return [.. _recentProgress]; }
    }

    public void Start()
    {
        Notify(l => l.OnQueryStarted(new QueryStartedEvent(Id, RunId, Name, IsoNow())));
        _source.Start();
        _thread = new Thread(Run) { IsBackground = true, Name = $"stream execution thread for {Name} [id = {Id}, runId = {RunId}]" };
        _thread.Start();
    }

    /// <summary>Stops the query: the running batch is abandoned uncommitted, the socket closed; blocks until done.</summary>
    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        if (_thread is not null && _thread != Thread.CurrentThread)
        {
            _thread.Join();
        }
    }

    /// <summary>Waits for the end; rethrows the exception that ended the query.</summary>
    public bool AwaitTermination(TimeSpan timeout)
    {
        bool ended = _terminated.Wait(timeout);
        if (ended && Exception is { } failure)
        {
            throw failure;
        }
        return ended;
    }

    /// <summary>Blocks until every line received so far has gone through a committed batch (or the query ended).</summary>
    public void ProcessAllAvailable()
    {
        long target = _source.Buffer.TotalAdded;
        lock (_progressLock)
        {
            while (_linesCommitted < target && !_terminated.IsSet)
            {
                Monitor.Wait(_progressLock, PollInterval);
            }
        }
        if (Exception is { } failure)
        {
            throw failure;
        }
    }

    private void Run()
    {
        CancellationToken token = _stop.Token;
        long batchId = _checkpoint.NextBatchId;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (_trigger.Kind == TriggerKind.Once)
                {
                    if (_source.Buffer.Count > 0)
                    {
                        RunBatch(batchId, token);
                    }
                    break;
                }
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
                ThrowIfSourceFailed();
                if (_source.Buffer.Count > 0)
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
        var durations = new Dictionary<string, long>();
        var total = Stopwatch.StartNew();
        long triggerTicks = Stopwatch.GetTimestamp();
        DateTime triggerTime = DateTime.UtcNow;

        var step = Stopwatch.StartNew();
        List<ReceivedLine> lines = _source.Buffer.TakeUpTo(_sourceOptions.MaxRowsPerBatch);
        durations["latestOffset"] = step.ElapsedMilliseconds;
        long endOffset = _checkpoint.LastCommittedOffset + lines.Count;

        step.Restart();
        _checkpoint.WriteOffsets(batchId, new DateTimeOffset(triggerTime).ToUnixTimeMilliseconds(), endOffset,
            _session.ConfWithPrefix("spark.sql."));
        durations["walCommit"] = step.ElapsedMilliseconds;

        step.Restart();
        IReadOnlyList<List<object?[]>> input = ToPartitions(lines);
        durations["getBatch"] = step.ElapsedMilliseconds;
        durations["queryPlanning"] = 0;

        step.Restart();
        IReadOnlyList<List<object?[]>> output;
        try
        {
            output = new PlanExecutor(_session.Context.Parallelism, token).Execute(_plan, input);
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
        durations["addBatch"] = step.ElapsedMilliseconds;

        _checkpoint.WriteCommit(batchId, endOffset);
        durations["triggerExecution"] = total.ElapsedMilliseconds;
        RecordProgress(batchId, triggerTime, triggerTicks, lines.Count, output.Sum(p => p.Count), durations);
    }

    private IReadOnlyList<List<object?[]>> ToPartitions(List<ReceivedLine> lines)
    {
        int n = _sourceOptions.NumPartitions;
        var partitions = Enumerable.Range(0, n).Select(_ => new List<object?[]>(lines.Count / n + 1)).ToArray();
        for (int i = 0; i < lines.Count; i++)
        {
            ReceivedLine line = lines[i];
            object?[] row = _sourceOptions.IncludeTimestamp ? [line.Value, line.ReceivedAtUtc] : [line.Value];
            partitions[i % n].Add(row);
        }
        return partitions;
    }

    private void RecordProgress(long batchId, DateTime triggerTime, long triggerTicks, int inputRows, int outputRows,
        Dictionary<string, long> durations)
    {
        double sincePrevious = _previousTriggerTicks == 0 ? 0 : Stopwatch.GetElapsedTime(_previousTriggerTicks, triggerTicks).TotalSeconds;
        _previousTriggerTicks = triggerTicks;
        double executionSeconds = durations["triggerExecution"] / 1000.0;
        var progress = new StreamingQueryProgress
        {
            Id = Id,
            RunId = RunId,
            Name = Name,
            Timestamp = triggerTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            BatchId = batchId,
            NumInputRows = inputRows,
            InputRowsPerSecond = sincePrevious > 0 ? inputRows / sincePrevious : 0,
            ProcessedRowsPerSecond = executionSeconds > 0 ? inputRows / executionSeconds : 0,
            DurationMs = durations,
            NumOutputRows = outputRows,
            DroppedOverlongLines = _source.DroppedLines,
            DroppedOverlongBytes = _source.DroppedBytes,
            BufferedLines = _source.Buffer.Count,
            SourceConnections = _source.Connections,
        };
        lock (_progressLock)
        {
            _recentProgress.Enqueue(progress);
            if (_recentProgress.Count > RecentProgressCapacity)
            {
                _recentProgress.Dequeue();
            }
            _linesCommitted += inputRows;
            Monitor.PulseAll(_progressLock);
        }
        Notify(l => l.OnQueryProgress(progress));
    }

    private void WaitForData(CancellationToken token)
    {
        while (!_source.Buffer.WaitForData(PollInterval))
        {
            token.ThrowIfCancellationRequested();
            ThrowIfSourceFailed();
        }
    }

    private void ThrowIfSourceFailed()
    {
        if (_source.Failure is { } failure)
        {
            throw failure;
        }
    }

    private void Finish()
    {
        _source.Dispose();
        if (Exception is null)
        {
            _checkpoint.DeleteIfTemporary();
        }
        _session.UnregisterQuery(_queryHandle!);
        lock (_progressLock)
        {
            Monitor.PulseAll(_progressLock);
        }
        _terminated.Set();
        Notify(l => l.OnQueryTerminated(new QueryTerminatedEvent(Id, RunId, Exception?.Message)));
    }

    /// <summary>The public handle, so the session's registry can drop it when the query ends.</summary>
    internal void Attach(StreamingQuery handle) => _queryHandle = handle;

    /// <summary>Calls the session's listeners as registered now: like Spark, one added mid-query sees its next events.</summary>
    private void Notify(Action<StreamingQueryListener> call)
    {
        foreach (StreamingQueryListener listener in _session.Settings.Listeners)
        {
            try
            {
                call(listener);
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

    private static StreamingSourcePlan FindSource(LogicalPlan plan)
    {
        for (LogicalPlan? node = plan; node is not null; node = node.Child)
        {
            if (node is StreamingSourcePlan source)
            {
                return source;
            }
        }
        throw new AnalysisException("The query has no streaming source.");
    }

    private static string IsoNow() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A batch failed; the message names the batch and, for a UDF, the row's argument values.</summary>
    private sealed class BatchFailedException(string message, Exception inner) : Exception(message, inner);
}
