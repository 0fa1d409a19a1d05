using System.Runtime.InteropServices;
#if MICROSOFT_SPARK
using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Streaming;
using static Microsoft.Spark.Sql.Functions;
#else
using SparkVideo.Engine.Sql;
using SparkVideo.Engine.Sql.Streaming;
using static SparkVideo.Engine.Sql.Functions;
#endif
using SparkVideo.CommandLine;
using SparkVideo.Frames;
using SparkVideo.Job.Monitoring;
using SparkVideo.Job.Retention;
using SparkVideo.LiveView;
using SparkVideo.LiveView.Status;
using SparkVideo.Processing;
using SparkVideo.Processing.Rejects;

namespace SparkVideo.Job;

/// <summary>
/// The streaming query, built top to bottom like the dotnet/spark examples:
/// socket lines → from_json (with Spark's corrupt-record column) → drop (and record) lines that are not frames → repartition →
/// background-removal UDF → console sink of <c>timestamp | output_path</c>. With several cameras (--camera), each
/// camera's socket is tagged with its name (lit) and the streams are combined with union; the name travels as the
/// <c>camera</c> column to the UDF, which writes into the camera's folder, and the console shows it first.
/// </summary>
internal static class SparkVideoJob
{
    public static int Run(JobOptions options)
    {
        ProcessingSettings settings = options.ToProcessingSettings();
        if (!Preflight.TryCheck(settings, out string? problem))
        {
            return ProgramCommandLine.RuntimeError(problem);
        }

        Console.WriteLine("Initializing Spark session...");
        Builder builder = SparkSession.Builder().AppName("SparkVideo");
        if (options.Master is not null)
        {
            builder = builder.Master(options.Master);
        }
        SparkSession spark = builder.GetOrCreate();
        CreateCameraFolders(options);
        LiveViewServer? liveView = StartLiveView(options);
        OutputJanitor? janitor = StartJanitor(options, liveView);
        StreamingQuery? query = null;
        // Until the query runs, a signal ends the process as it would without these; from then until the clean-up
        // ends, it stops the query, so a second Ctrl+C while the session and the live view stop is not a kill.
        using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => StopOnSignal(context, query));
        using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => StopOnSignal(context, query));
        int exitCode;
        try
        {
            query = TryStart(spark, liveView, options, settings, out string? failure);
            if (query is null)
            {
                return ProgramCommandLine.RuntimeError($"cannot start the query: {failure}");
            }
            exitCode = AwaitTermination(query, options);
        }
        finally
        {
            spark.Stop();
            janitor?.Dispose();
            liveView?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            if (query is not null)
            {
                // The last window's summary and any rejects not echoed yet: the counts are complete at exit.
                RejectLog.FlushEcho();
                PipelineStats.Instance.Report();
            }
        }
        Console.WriteLine("Stopped.");
        return exitCode;
    }

    private static StreamingQuery? TryStart(SparkSession spark, LiveViewServer? liveView, JobOptions options,
        ProcessingSettings settings, out string? failure)
    {
        try
        {
            QueryMonitor.Attach(spark, liveView);
            failure = null;
            return Start(spark, options, settings);
        }
        catch (Exception ex)
        {
            // E.g. a checkpoint written by a run with another number of cameras: Spark refuses it too. The two backends
            // throw different types (AnalysisException here, JvmException on Spark), hence the broad catch.
            failure = ex.Message;
            return null;
        }
    }

    private static int AwaitTermination(StreamingQuery query, JobOptions options)
    {
        Console.WriteLine(ProgramLines.JobStarted);
        Console.WriteLine(options.Cameras.Count > 0
            ? $"Processed frames are saved in ./{options.OutputDir}/<camera>/"
            : $"Processed frames are saved in ./{options.OutputDir}");
        Console.WriteLine("Press Ctrl+C to stop");
        try
        {
            query.AwaitTermination();
        }
        catch (Exception ex)
        {
            // A frame that could not be written says so in one line (folder, reason, free space) under the engine's wrapping.
            return ProgramCommandLine.RuntimeError($"the streaming query failed: {FrameWriteException.FindIn(ex)?.Message ?? ex.Message}");
        }
        return 0;
    }

    /// <summary>
    /// The retention janitor, when --retain-minutes or --retain-gib is given: it runs on this driver, over the output
    /// folders it sees, and its count goes to [stats] and the live view.
    /// </summary>
    private static OutputJanitor? StartJanitor(JobOptions options, LiveViewServer? liveView)
    {
        if (!options.Retention.IsOn)
        {
            return null;
        }
        Console.WriteLine($"Retention: {options.Retention.Describe()} (the newest {RetentionPolicy.AlwaysKeptPerFolder} frames of each folder are always kept)");
        return new OutputJanitor(options.OutputFolders, options.Retention, report =>
        {
            PipelineStats.Instance.RecordDeletedByRetention(report.Deleted);
            liveView?.RecordDiskUse(new DiskUse(report.FrameFiles, report.FrameBytes, report.Deleted, report.Policy));
        });
    }

    /// <summary>
    /// Builds and starts the query. The UDFs come from <see cref="FrameUdfs"/>, so their closures hold the
    /// settings and nothing else: on real Spark they are serialized to the workers when <c>Udf</c> is called.
    /// </summary>
    private static StreamingQuery Start(SparkSession spark, JobOptions options, ProcessingSettings settings)
    {
        // One socket, or one per camera tagged with its name; the camera column, if any, is carried through every step.
        (DataFrame lines, Column[] camera) = ReadLines(spark, options);

        DataFrame frames = lines
            .Select([.. camera, Col("value"), FromJson(Col("value"), FrameSchema.Json).Alias("data")])
            .Select([.. camera, Col("value"), Col("data.*")]);

        // from_json yields no frame_data for a line that is not a frame: record why (from from_json's own result,
        // its corrupt-record column included), then drop the line.
        Func<Column, Column, Column, Column> isFrame = Udf(FrameUdfs.KeepIfFrame(settings));

        // Spread the frames over every core or executor, without the raw line: only the parsed fields are
        // shuffled, so each frame's base64 crosses the shuffle once.
        frames = Spread(frames
            .Filter(isFrame(Col("frame_data"), Col(FrameSchema.CorruptRecord), Col("value")))
            .Select([.. camera, Col("timestamp"), Col("frame_width"), Col("frame_height"), Col("frame_data")]), options, settings, camera);

        return frames
            .Select([.. camera, Col("timestamp"), OutputPath(settings, camera).Alias("output_path")])
            .WriteStream()
            .OutputMode("append")
            .Format("console")
            .Option("truncate", false)
            .Option("numRows", options.NumRows)
            .Option("checkpointLocation", options.CheckpointDir)
            .Trigger(Trigger.ProcessingTime(options.TriggerIntervalMs))
            .QueryName("sparkvideo")
            .Start();
    }

    /// <summary>The socket lines: the one camera at --host/--port, or every --camera tagged with its name (lit) and combined (union).</summary>
    private static (DataFrame Lines, Column[] Camera) ReadLines(SparkSession spark, JobOptions options)
    {
        if (options.Cameras.Count == 0)
        {
            Console.WriteLine($"Connecting to TCP stream at {options.Host}:{options.Port}...");
            return (ReadSocket(spark, options.Host, options.Port, options), []);
        }

        DataFrame? tagged = null;
        foreach (CameraEndpoint camera in options.Cameras)
        {
            Console.WriteLine($"Connecting to TCP stream at {camera.Host}:{camera.Port} (camera {camera.Name})...");
            DataFrame one = ReadSocket(spark, camera.Host, camera.Port, options).Select(Lit(camera.Name).Alias("camera"), Col("value"));
            tagged = tagged is null ? one : tagged.Union(one);
        }
        return (tagged!, [Col("camera")]);
    }

    /// <summary>
    /// Round-robin over the partitions; with smoothing or mask reuse, by the camera (hash partitioning), so that each
    /// camera's frames are one task's, in capture order, for its per-camera state. The one-camera job has no camera
    /// column: its key is a literal, which puts all its frames in one partition.
    /// </summary>
    private static DataFrame Spread(DataFrame frames, JobOptions options, ProcessingSettings settings, Column[] camera) =>
        settings.UsesCameraState
            ? frames.Repartition(options.Parallelism, camera.Length > 0 ? camera[0] : Lit(CameraMaskStates.OneCamera))
            : frames.Repartition(options.Parallelism);

    private static DataFrame ReadSocket(SparkSession spark, string host, int port, JobOptions options) => spark
        .ReadStream()
        .Format("socket")
        .Option("host", host)
        .Option("port", port)
        // Read by the embedded engine only; Spark's socket source ignores options it does not know.
        .Option("maxLineBytes", options.MaxLineBytes)
        .Load();

    /// <summary>The background-removal UDF's column: into the output folder, or into the camera's folder when there is a camera column.</summary>
    private static Column OutputPath(ProcessingSettings settings, Column[] camera)
    {
        if (camera.Length == 0)
        {
            Func<Column, Column, Column, Column, Column> removeBackground = Udf(FrameUdfs.RemoveBackground(settings));
            return removeBackground(Col("frame_data"), Col("timestamp"), Col("frame_width"), Col("frame_height"));
        }
        Func<Column, Column, Column, Column, Column, Column> removeBackgroundForCamera = Udf(FrameUdfs.RemoveBackgroundForCamera(settings));
        return removeBackgroundForCamera(camera[0], Col("frame_data"), Col("timestamp"), Col("frame_width"), Col("frame_height"));
    }

    /// <summary>
    /// The live view reads what this driver can see (the output directory, rejects.log, query progress), so it
    /// runs the same under spark-submit in local mode. It is optional: when no port is free the job runs on.
    /// </summary>
    private static LiveViewServer? StartLiveView(JobOptions options) =>
        options.ToLiveViewOptions() is { } liveView
            ? LiveViewServer.StartAsync(liveView, Console.Out, Console.Error).GetAwaiter().GetResult()
            : null;

    /// <summary>
    /// Each camera's folder exists before the live view starts watching, so it sees the first frame of every
    /// camera (the UDF still creates a missing folder, as an executor elsewhere must).
    /// </summary>
    private static void CreateCameraFolders(JobOptions options)
    {
        foreach (CameraEndpoint camera in options.Cameras)
        {
            Directory.CreateDirectory(Path.Combine(options.OutputDir, camera.Name));
        }
    }

    private static int StopSignals;

    private static void StopOnSignal(PosixSignalContext context, StreamingQuery? query)
    {
        if (query is null)
        {
            return;
        }
        context.Cancel = true;
        // Said once: Ctrl+C in a terminal reaches the whole process group, so under the demo the job gets it twice.
        if (Interlocked.Increment(ref StopSignals) == 1)
        {
            Console.WriteLine("Stopping the query...");
        }
        query.Stop();
    }
}
