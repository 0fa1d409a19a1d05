using System.CommandLine;
using SparkVideo.CommandLine;
using SparkVideo.Frames.Output;
using SparkVideo.LiveView;
using SparkVideo.LiveView.Access;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Temporal;
using static SparkVideo.CommandLine.CommandOptions;

namespace SparkVideo.Job;

/// <summary>The job's command line: every option with its default, validated before Spark starts.</summary>
internal static class JobCommandLine
{
    public static RootCommand Build(Func<JobOptions, int> run)
    {
        var defaults = new JobOptions();
        var options = new RecordOptions<JobOptions>();
        var host = options.Add(
            WithDefault("--host", "Camera server host to read frames from.", defaults.Host),
            (o, v) => o with { Host = v });
        var port = options.Add(
            WithDefault("--port", "Camera server TCP port.", defaults.Port).Between(1, 65535),
            (o, v) => o with { Port = v });
        var cameras = options.Add(
            new Option<string[]>("--camera")
            {
                Description = "A camera as NAME=HOST:PORT (NAME: 1-32 of A-Z a-z 0-9 _ -), repeatable: one job reads every camera, " +
                    "frames go to output_frames/NAME/ and the console shows camera | timestamp | output_path. Replaces --host/--port.",
                Arity = ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = false,
            });
        options.Add(
            WithDefault(
                "--output-dir",
                "Directory for processed frames (frame_<epoch ms>.jpg) and rejects.log, relative to the working directory.",
                defaults.OutputDir),
            (o, v) => o with { OutputDir = v });
        var checkpoint = options.Add(WithDefault("--checkpoint-dir", "Structured Streaming checkpoint location.", defaults.CheckpointDir));
        options.Add(
            WithDefault("--model", "Segmentation model: general (256x256) or landscape (144x256).", defaults.Model),
            (o, v) => o with { Model = v });
        options.Add(
            new Option<string?>("--model-path") { Description = "Path to an ONNX model file, overriding --model's shipped file." },
            (o, v) => o with { ModelPath = v });
        options.Add(
            WithDefault(
                "--trigger-interval-ms",
                "Micro-batch trigger interval in ms; 0 runs the next batch as soon as the previous ends.",
                defaults.TriggerIntervalMs)
                .Require(t => t >= 0, "--trigger-interval-ms must be 0 or more"),
            (o, v) => o with { TriggerIntervalMs = v });
        options.Add(
            WithDefault(
                "--parallelism",
                "Partitions the frames are repartitioned into (cores or executors to use).",
                defaults.Parallelism)
                .Between(1, 1024),
            (o, v) => o with { Parallelism = v });
        options.Add(
            new Option<string?>("--master")
            {
                Description = "Spark master, e.g. local[2]. Default: spark-submit's --master on real Spark, local[*] on the embedded " +
                    "engine.",
            },
            (o, v) => o with { Master = v });
        options.Add(
            WithDefault("--num-rows", "Rows shown per batch by the console sink.", defaults.NumRows)
                .Require(n => n >= 1, "--num-rows must be at least 1"),
            (o, v) => o with { NumRows = v });
        options.Add(
            WithDefault("--threshold", MaskCut.Help, MaskCut.Format(defaults.Threshold)).Check(MaskCut.Problem),
            (o, v) => o with { Threshold = ParseThreshold(v) });
        options.Add(
            WithDefault(
                "--smoothing",
                "Temporal smoothing of each camera's mask: the weight of its history, from 0 (off) to below 1; higher is calmer and " +
                "lags more behind motion. On, each camera's frames run in one partition.",
                defaults.Smoothing)
                .Require(TemporalMaskOptions.IsValidSmoothing, "--smoothing must be at least 0 (off) and less than 1"),
            (o, v) => o with { Smoothing = v });
        options.Add(
            WithDefault(
                "--mask-reuse",
                "Mask reuse on still scenes: up to N frames in a row reuse the mask of the camera's last segmented frame while the " +
                "picture has not changed (0 = off, at most 100). On, each camera's frames run in one partition.",
                defaults.MaskReuse)
                .Between(0, 100),
            (o, v) => o with { MaskReuse = v });
        options.Add(
            WithDefault(
                "--mask-reuse-threshold",
                "The change, in gray levels, of any cell of a 32x24 thumbnail of the frame below which --mask-reuse counts the picture " +
                "as unchanged (more than 0, at most 255).",
                defaults.MaskReuseThreshold)
                .Require(TemporalMaskOptions.IsValidReuseThreshold, "--mask-reuse-threshold must be more than 0 and at most 255"),
            (o, v) => o with { MaskReuseThreshold = v });
        options.Add(
            WithDefault("--background", BackgroundSpecParser.Help, "gray").Check(BackgroundSpecParser.Problem),
            (o, v) => o with { Background = ParseBackground(v) });
        options.Add(LowerCaseChoice<EdgeRefinement>("--edges", BackgroundSpecParser.EdgesHelp), (o, v) => o with { Edges = v });
        options.Add(LowerCaseChoice<SegmentationMode>("--segmentation", SegmentationHelp.Text), (o, v) => o with { Segmentation = v });
        options.Add(
            WithDefault("--detect-every", SegmentationHelp.DetectEvery, defaults.DetectEvery)
                .Require(TemporalMaskOptions.IsValidDetectEvery, "--detect-every must be 1 to 100 frames"),
            (o, v) => o with { DetectEvery = v });
        options.Add(
            WithDefault("--jpeg-quality", "JPEG quality of the saved frames (1-100).", defaults.JpegQuality).Between(1, 100),
            (o, v) => o with { JpegQuality = v });
        options.Add(
            WithDefault("--intra-op-threads", "ONNX Runtime threads per inference (0 = ONNX Runtime's default).", defaults.IntraOpThreads)
                .Require(t => t >= 0, "--intra-op-threads must be 0 or more"),
            (o, v) => o with { IntraOpThreads = v });
        options.Add(
            WithDefault("--max-line-bytes", "Longest accepted input line; longer lines are dropped and counted.", defaults.MaxLineBytes)
                .Require(m => m >= 1024, "--max-line-bytes must be at least 1024"),
            (o, v) => o with { MaxLineBytes = v });
        options.Add(
            WithDefault(
                "--max-rejects-log-mib",
                "Cap on rejects.log and its rotated files (rejects.log.1..3) together, in MiB.",
                defaults.MaxRejectsLogMiB)
                .Require(m => m is >= 1 and <= 1024 * 1024, "--max-rejects-log-mib must be between 1 and 1048576"),
            (o, v) => o with { MaxRejectsLogMiB = v });
        options.Add(
            WithDefault(
                "--stats-interval-seconds",
                "Seconds between one-line throughput/latency summaries (0 = only the final one, at exit).",
                defaults.StatsIntervalSeconds)
                .Require(s => s >= 0, "--stats-interval-seconds must be 0 or more"),
            (o, v) => o with { StatsIntervalSeconds = v });
        options.Add(
            WithDefault("--ui-port", "Port of the live view web page (the next 15 are tried when it is taken; 0 = off).", defaults.UiPort)
                .Require(p => p is >= 0 and <= 65535, "--ui-port must be between 0 (off) and 65535"),
            (o, v) => o with { UiPort = v });
        options.Add(
            WithDefault(
                "--ui-host",
                "Address the live view listens on; anything but loopback exposes the video to the network.",
                defaults.UiHost)
                .Require(h => LiveViewOptions.ParseHost(h) is not null, "--ui-host must be an IP address or 'localhost'"),
            (o, v) => o with { UiHost = v });
        options.Add(
            new Option<string?>("--camera-preview-url")
            {
                Description = "The camera server's preview stream (http://HOST:PORT/stream.mjpg), shown beside the output on the live " +
                    "view.",
            }
                .Require(
                    u => u is null || LiveViewOptions.IsValidPreviewUrl(u),
                    "--camera-preview-url must be an absolute http:// or https:// URL"),
            (o, v) => o with { CameraPreviewUrl = v });
        options.Add(
            new Option<double?>("--retain-minutes")
            {
                Description = "Delete frames older than this many minutes from each output folder (each camera's), oldest first; the " +
                    "newest 20 of a folder are always kept [default: keep all].",
            }.Require(m => m is null or (>= 0.01 and <= 5_256_000), "--retain-minutes must be between 0.01 and 5256000 (ten years)"),
            (o, v) => o with { RetainMinutes = v });
        options.Add(
            new Option<double?>("--retain-gib")
            {
                Description = "Keep at most this many GiB of frames in each output folder (each camera's), deleting the oldest first; " +
                    "the newest 20 of a folder are always kept [default: keep all].",
            }.Require(g => g is null or (> 0 and <= 1024 * 1024), "--retain-gib must be more than 0 and at most 1048576"),
            (o, v) => o with { RetainGiB = v });
        var tokenFile = options.Add(
            new Option<string?>("--ui-token-file")
            {
                Description = "A file holding the live view's token (16-256 printable characters): every page, stream and API request " +
                    "must carry it (open the page once with ?token=TOKEN). Default: none on loopback; off loopback a token is generated and " +
                    "printed once.",
            },
            (o, v) => o with { UiTokenFile = v });

        tokenFile.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path && AccessToken.TryRead(path, out var problem) is null)
            {
                result.AddError(problem!);
            }
        });
        cameras.Validators.Add(result =>
        {
            if (!CameraEndpoint.TryParseAll(result.GetValueOrDefault<string[]>() ?? [], out _, out var error))
            {
                result.AddError(error!);
            }
        });

        var root = new RootCommand(
            "SparkVideo streaming job: reads frames from the camera server's socket, removes the background of each frame in a UDF, " +
            "saves it as output_frames/frame_<ms>.jpg and prints timestamp | output_path batches.");
        options.AddTo(root);
        root.Validators.Add(result =>
        {
            bool addressGiven = result.GetResult(host) is { Implicit: false } || result.GetResult(port) is { Implicit: false };
            if (result.GetResult(cameras) is not null && addressGiven)
            {
                result.AddError("--camera replaces --host and --port: give the cameras' addresses in --camera NAME=HOST:PORT");
            }
        });
        root.SetAction(result => run(options.Bind(result, defaults) with
        {
            // --camera's values are parsed, and without --checkpoint-dir the checkpoint depends on how many there are.
            Cameras = CameraEndpoint.TryParseAll(result.GetValue(cameras) ?? [], out var parsed, out _) ? parsed : [],
            CheckpointDir = result.GetResult(checkpoint) is { Implicit: false }
                ? result.GetValue(checkpoint)!
                : OutputLayout.CheckpointFor(result.GetValue(checkpoint)!, result.GetValue(cameras)?.Length ?? 0),
        }));
        return root;
    }

    /// <summary>The value the validator accepted, read again (the picture's bytes); a file gone since is a usage error all the same.</summary>
    private static float? ParseThreshold(string value) =>
        MaskCut.TryParse(value, out var threshold, out var error) ? threshold : throw new UsageException(error!);

    private static BackgroundSpec ParseBackground(string value) =>
        BackgroundSpecParser.TryParse(value, out var spec, out var error) ? spec : throw new UsageException(error!);
}
