using System.Runtime.InteropServices;
using SparkVideo.CommandLine;
using SparkVideo.Job.Monitoring;
using SparkVideo.LiveView;
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
public static class SparkVideoJob
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
        QueryMonitor.Attach(spark, liveView);

        StreamingQuery query;
        try
        {
            query = Start(spark, options, settings);
        }
        catch (Exception ex)
        {
            // E.g. a checkpoint written by a run with another number of cameras: Spark refuses it too.
            Console.Error.WriteLine($"error: cannot start the query: {ex.Message}");
            spark.Stop();
            liveView?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 1;
        }

        Console.WriteLine("Started processing the stream!");
        Console.WriteLine(options.Cameras.Count > 0
            ? $"Processed frames are saved in ./{options.OutputDir}/<camera>/"
            : $"Processed frames are saved in ./{options.OutputDir}");
        Console.WriteLine("Press Ctrl+C to stop");

        using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => StopOnSignal(context, query));
        using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => StopOnSignal(context, query));

        int exitCode = 0;
        try
        {
            query.AwaitTermination();
        }
        catch (Exception ex)
        {
            exitCode = ProgramCommandLine.RuntimeError($"the streaming query failed: {ex.Message}");
        }
        finally
        {
            spark.Stop();
            liveView?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            // The last window's summary and any rejects not echoed yet: the counts are complete at exit.
            RejectLog.FlushEcho();
            PipelineStats.Instance.Report();
        }

        Console.WriteLine("Stopped.");
        return exitCode;
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
    /// Builds and starts the query. The UDFs come from <see cref="FrameUdfs"/>, so their closures hold the
    /// settings and nothing else: on real Spark they are serialized to the workers when <c>Udf</c> is called.
    /// </summary>
    private static StreamingQuery Start(SparkSession spark, JobOptions options, ProcessingSettings settings)
    {
        bool manyCameras = options.Cameras.Count > 0;
        DataFrame lines;
        if (!manyCameras)
        {
            Console.WriteLine($"Connecting to TCP stream at {options.Host}:{options.Port}...");
            lines = ReadSocket(spark, options.Host, options.Port, options);
        }
        else
        {
            // One socket stream per camera, each tagged with the camera's name, combined into one stream.
            DataFrame? tagged = null;
            foreach (CameraEndpoint camera in options.Cameras)
            {
                Console.WriteLine($"Connecting to TCP stream at {camera.Host}:{camera.Port} (camera {camera.Name})...");
                DataFrame one = ReadSocket(spark, camera.Host, camera.Port, options).Select(Lit(camera.Name).Alias("camera"), Col("value"));
                tagged = tagged is null ? one : tagged.Union(one);
            }
            lines = tagged!;
        }
        // The camera column, when there is one, is carried through every step below.
        Column[] cameraColumn = manyCameras ? [Col("camera")] : [];

        DataFrame frames = lines
            .Select([.. cameraColumn, Col("value"), FromJson(Col("value"), FrameSchema.Json).Alias("data")])
            .Select([.. cameraColumn, Col("value"), Col("data.*")]);

        // from_json yields no frame_data for a line that is not a frame: record why (from from_json's own result,
        // its corrupt-record column included), then drop the line.
        Func<Column, Column, Column, Column> isFrame = Udf(FrameUdfs.KeepIfFrame(settings));

        // Spread the frames over every core or executor, without the raw line: only the parsed fields are
        // shuffled, so each frame's base64 crosses the shuffle once.
        frames = frames
            .Filter(isFrame(Col("frame_data"), Col(FrameSchema.CorruptRecord), Col("value")))
            .Select([.. cameraColumn, Col("timestamp"), Col("frame_width"), Col("frame_height"), Col("frame_data")])
            .Repartition(options.Parallelism);

        Column outputPath;
        if (!manyCameras)
        {
            Func<Column, Column, Column, Column, Column> removeBackground = Udf(FrameUdfs.RemoveBackground(settings));
            outputPath = removeBackground(Col("frame_data"), Col("timestamp"), Col("frame_width"), Col("frame_height"));
        }
        else
        {
            Func<Column, Column, Column, Column, Column, Column> removeBackground = Udf(FrameUdfs.RemoveBackgroundForCamera(settings));
            outputPath = removeBackground(Col("camera"), Col("frame_data"), Col("timestamp"), Col("frame_width"), Col("frame_height"));
        }

        return frames
            .Select([.. cameraColumn, Col("timestamp"), outputPath.Alias("output_path")])
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

    private static DataFrame ReadSocket(SparkSession spark, string host, int port, JobOptions options) => spark
        .ReadStream()
        .Format("socket")
        .Option("host", host)
        .Option("port", port)
        // Read by the embedded engine only; Spark's socket source ignores options it does not know.
        .Option("maxLineBytes", options.MaxLineBytes)
        .Load();

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

    private static void StopOnSignal(PosixSignalContext context, StreamingQuery query)
    {
        context.Cancel = true;
        Console.WriteLine("Stopping the query...");
        query.Stop();
    }
}
