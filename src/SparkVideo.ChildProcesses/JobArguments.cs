using System.Globalization;

namespace SparkVideo.ChildProcesses;

/// <summary>One camera of a many-camera job: <c>--camera NAME=HOST:PORT</c>.</summary>
public sealed record JobCamera(string Name, string Host, int Port)
{
    public override string ToString() => $"{Name}={Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// The job's command line as the programs that start it (the demo, the tests, the bench, the soak) use it: each
/// option typed, rendered in one place by <see cref="ToList"/>. An option left null is not passed, so the job's own
/// default holds; <see cref="Extra"/> is passed as it is, after the typed options.
/// </summary>
public sealed record JobArguments
{
    /// <summary>One camera: <c>--host</c> (with <see cref="Port"/>).</summary>
    public string? Host { get; init; }

    /// <summary>One camera: <c>--port</c>.</summary>
    public int? Port { get; init; }

    /// <summary>Many cameras: a <c>--camera</c> each, in order.</summary>
    public IReadOnlyList<JobCamera> Cameras { get; init; } = [];

    public string? OutputDir { get; init; }

    public string? CheckpointDir { get; init; }

    public string? Model { get; init; }

    public int? Parallelism { get; init; }

    public int? IntraOpThreads { get; init; }

    public long? TriggerIntervalMs { get; init; }

    /// <summary><c>--stats-interval-seconds</c>; 0 turns the [stats] line off.</summary>
    public int? StatsIntervalSeconds { get; init; }

    /// <summary><c>--num-rows</c>: the rows the console sink prints per batch.</summary>
    public int? NumRows { get; init; }

    /// <summary><c>--ui-port</c>; 0 turns the live view off.</summary>
    public int? UiPort { get; init; }

    public string? Background { get; init; }

    public string? Edges { get; init; }

    /// <summary><c>--segmentation</c>: people (the job's default) or frame (one pass).</summary>
    public string? Segmentation { get; init; }

    /// <summary><c>--detect-every</c>: with people segmentation, the frames per camera between detections.</summary>
    public int? DetectEvery { get; init; }

    public float? Smoothing { get; init; }

    public string? CameraPreviewUrl { get; init; }

    public double? RetainMinutes { get; init; }

    public double? RetainGiB { get; init; }

    /// <summary>Options passed through as they are (a test's or a scenario's own), after the typed ones.</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];

    /// <summary>The argument list, in one fixed order.</summary>
    public IReadOnlyList<string> ToList()
    {
        var arguments = new List<string>();
        void Add(string option, object? value)
        {
            if (value is not null)
            {
                arguments.AddRange([option, Convert.ToString(value, CultureInfo.InvariantCulture)!]);
            }
        }

        Add("--host", Host);
        Add("--port", Port);
        foreach (var camera in Cameras)
        {
            Add("--camera", camera);
        }
        Add("--output-dir", OutputDir);
        Add("--checkpoint-dir", CheckpointDir);
        Add("--model", Model);
        Add("--parallelism", Parallelism);
        Add("--intra-op-threads", IntraOpThreads);
        Add("--trigger-interval-ms", TriggerIntervalMs);
        Add("--stats-interval-seconds", StatsIntervalSeconds);
        Add("--num-rows", NumRows);
        Add("--ui-port", UiPort);
        Add("--background", Background);
        Add("--edges", Edges);
        Add("--segmentation", Segmentation);
        Add("--detect-every", DetectEvery);
        Add("--smoothing", Smoothing);
        Add("--camera-preview-url", CameraPreviewUrl);
        Add("--retain-minutes", RetainMinutes);
        Add("--retain-gib", RetainGiB);
        arguments.AddRange(Extra);
        return arguments;
    }
}
