using System.CommandLine;
using SparkVideo.CommandLine;
using static SparkVideo.CommandLine.CommandOptions;
using SparkVideo.LiveView;
using SparkVideo.Vision;

namespace SparkVideo.Job;

/// <summary>The job's command line: every option with its default, validated before Spark starts.</summary>
public static class JobCommandLine
{
    public static RootCommand Build(Func<JobOptions, int> run)
    {
        var defaults = new JobOptions();
        var host = WithDefault("--host", "Camera server host to read frames from.", defaults.Host);
        var port = WithDefault("--port", "Camera server TCP port.", defaults.Port).Between(1, 65535);
        var output = WithDefault("--output-dir", "Directory for processed frames (frame_<epoch ms>.jpg) and rejects.log, relative to the working directory.", defaults.OutputDir);
        var checkpoint = WithDefault("--checkpoint-dir", "Structured Streaming checkpoint location.", defaults.CheckpointDir);
        var model = WithDefault("--model", "Segmentation model: general (256x256) or landscape (144x256).", defaults.Model);
        var modelPath = new Option<string?>("--model-path") { Description = "Path to an ONNX model file, overriding --model's shipped file." };
        var trigger = WithDefault("--trigger-interval-ms", "Micro-batch trigger interval in ms; 0 runs the next batch as soon as the previous ends.", defaults.TriggerIntervalMs).Require(t => t >= 0, "--trigger-interval-ms must be 0 or more");
        var parallelism = WithDefault("--parallelism", "Partitions the frames are repartitioned into (cores or executors to use).", defaults.Parallelism).Between(1, 1024);
        var master = new Option<string?>("--master") { Description = "Spark master, e.g. local[2]. Default: spark-submit's --master on real Spark, local[*] on the embedded engine." };
        var numRows = WithDefault("--num-rows", "Rows shown per batch by the console sink.", defaults.NumRows).Require(n => n >= 1, "--num-rows must be at least 1");
        var threshold = new Option<float?>("--threshold") { Description = "Hard mask threshold in (0,1); default: soft blend by the person probability." }.Require(t => t is null or (> 0f and < 1f), "--threshold must be between 0 and 1 (exclusive)");
        var quality = WithDefault("--jpeg-quality", "JPEG quality of the saved frames (1-100).", defaults.JpegQuality).Between(1, 100);
        var intraOp = WithDefault("--intra-op-threads", "ONNX Runtime threads per inference (0 = ONNX Runtime's default).", defaults.IntraOpThreads).Require(t => t >= 0, "--intra-op-threads must be 0 or more");
        var maxLine = WithDefault("--max-line-bytes", "Longest accepted input line; longer lines are dropped and counted.", defaults.MaxLineBytes).Require(m => m >= 1024, "--max-line-bytes must be at least 1024");
        var rejectsLog = WithDefault("--max-rejects-log-mib", "Cap on rejects.log and its rotated files (rejects.log.1..3) together, in MiB.", defaults.MaxRejectsLogMiB).Require(m => m is >= 1 and <= 1024 * 1024, "--max-rejects-log-mib must be between 1 and 1048576");
        var stats = WithDefault("--stats-interval-seconds", "Seconds between one-line throughput/latency summaries (0 = only the final one, at exit).", defaults.StatsIntervalSeconds).Require(s => s >= 0, "--stats-interval-seconds must be 0 or more");
        var uiPort = WithDefault("--ui-port", "Port of the live view web page (the next 15 are tried when it is taken; 0 = off).", defaults.UiPort).Require(p => p is >= 0 and <= 65535, "--ui-port must be between 0 (off) and 65535");
        var uiHost = WithDefault("--ui-host", "Address the live view listens on; anything but loopback exposes the video to the network.", defaults.UiHost).Require(h => LiveViewOptions.ParseHost(h) is not null, "--ui-host must be an IP address or 'localhost'");
        var cameras = new Option<string[]>("--camera") { Description = "A camera as NAME=HOST:PORT (NAME: 1-32 of A-Z a-z 0-9 _ -), repeatable: one job reads every camera, frames go to output_frames/NAME/ and the console shows camera | timestamp | output_path. Replaces --host/--port.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var cameraPreview = new Option<string?>("--camera-preview-url") { Description = "The camera server's preview stream (http://HOST:PORT/stream.mjpg), shown beside the output on the live view." }.Require(u => u is null || LiveViewOptions.IsValidPreviewUrl(u), "--camera-preview-url must be an absolute http:// or https:// URL");

        cameras.Validators.Add(result =>
        {
            if (!CameraEndpoint.TryParseAll(result.GetValueOrDefault<string[]>() ?? [], out _, out var error))
            {
                result.AddError(error!);
            }
        });

        var root = new RootCommand("SparkVideo streaming job: reads frames from the camera server's socket, removes the background of each frame in a UDF, saves it as output_frames/frame_<ms>.jpg and prints timestamp | output_path batches.")
        {
            host, port, cameras, output, checkpoint, model, modelPath, trigger, parallelism, master, numRows, threshold, quality, intraOp, maxLine, rejectsLog, stats, uiPort, uiHost, cameraPreview,
        };
        root.Validators.Add(result =>
        {
            if (result.GetResult(cameras) is not null && (result.GetResult(host) is { Implicit: false } || result.GetResult(port) is { Implicit: false }))
            {
                result.AddError("--camera replaces --host and --port: give the cameras' addresses in --camera NAME=HOST:PORT");
            }
        });
        root.SetAction(result => run(new JobOptions
        {
            Host = result.GetValue(host)!,
            Port = result.GetValue(port),
            Cameras = CameraEndpoint.TryParseAll(result.GetValue(cameras) ?? [], out var parsed, out _) ? parsed : [],
            OutputDir = result.GetValue(output)!,
            CheckpointDir = JobOptions.DefaultCheckpointFor(result.GetValue(checkpoint)!, result.GetResult(checkpoint) is { Implicit: false }, result.GetValue(cameras)?.Length ?? 0),
            Model = result.GetValue(model),
            ModelPath = result.GetValue(modelPath),
            TriggerIntervalMs = result.GetValue(trigger),
            Parallelism = result.GetValue(parallelism),
            Master = result.GetValue(master),
            NumRows = result.GetValue(numRows),
            Threshold = result.GetValue(threshold),
            JpegQuality = result.GetValue(quality),
            IntraOpThreads = result.GetValue(intraOp),
            MaxLineBytes = result.GetValue(maxLine),
            StatsIntervalSeconds = result.GetValue(stats),
            UiPort = result.GetValue(uiPort),
            UiHost = result.GetValue(uiHost)!,
            CameraPreviewUrl = result.GetValue(cameraPreview),
            MaxRejectsLogMiB = result.GetValue(rejectsLog),
        }));
        return root;
    }
}
