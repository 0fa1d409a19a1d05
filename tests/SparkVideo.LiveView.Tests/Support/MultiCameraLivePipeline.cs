using SparkVideo.Frames;
using SparkVideo.Frames.Output;
namespace SparkVideo.LiveView.Tests.Support;

/// <summary>
/// Two real camera servers, "door" (the sample video, looped, with its preview) and "yard" (synthetic), streaming
/// at 5 FPS each, without end, into one real job started with <c>--camera NAME=HOST:PORT</c> and its live view.
/// Without end because Chromium draws an MJPEG part only once the next one begins: a stream that stopped shows nothing.
/// </summary>
public sealed partial class MultiCameraLivePipeline : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private readonly List<CameraServerProcess> _cameras = [];
    private readonly string _workingDirectory = JobProcess.NewWorkingDirectory();
    private ChildProcess? _job;

    private MultiCameraLivePipeline()
    {
    }

    public static IReadOnlyList<string> CameraNames { get; } = ["door", "yard"];

    public ChildProcess Job => _job!;

    public string PreviewUrl { get; private set; } = "";

    public int UiPort { get; private set; }

    public string PageUrl => $"http://127.0.0.1:{UiPort.ToString(CultureInfo.InvariantCulture)}/";

    public string OutputDirectory => Path.Combine(_workingDirectory, OutputLayout.DefaultOutputDir);

    public static MultiCameraLivePipeline Start()
    {
        var pipeline = new MultiCameraLivePipeline();
        try
        {
            pipeline.StartProcesses();
            return pipeline;
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }

    private void StartProcesses()
    {
        var door = CameraServerProcess.Start(["--source", RepoPaths.PeopleWalkingVideo, "--loop", "--fps", "5", "--preview-port", "0"]);
        _cameras.Add(door);
        PreviewUrl = ProgramLines.PreviewUrlOf(door.Process.WaitForLine(line => ProgramLines.PreviewUrlOf(line) is not null, CameraServerProcess.StartupTimeout))!;
        var yard = CameraServerProcess.Start(["--source", "synthetic", "--fps", "5"]);
        _cameras.Add(yard);

        _job = JobProcess.Launch(_workingDirectory,
            "--camera", $"door=127.0.0.1:{door.Port.ToString(CultureInfo.InvariantCulture)}",
            "--camera", $"yard=127.0.0.1:{yard.Port.ToString(CultureInfo.InvariantCulture)}",
            "--parallelism", "1", "--ui-port", FreePort.Get().ToString(CultureInfo.InvariantCulture), "--camera-preview-url", PreviewUrl);
        var liveView = _job.WaitForLine(LiveViewLine().IsMatch, JobProcess.StartupTimeout);
        UiPort = int.Parse(LiveViewLine().Match(liveView).Groups["port"].Value, CultureInfo.InvariantCulture);
        _job.WaitForLine(line => line == ProgramLines.JobStarted, JobProcess.StartupTimeout);
    }

    /// <summary>Frame files in one camera's folder.</summary>
    public string[] Frames(string camera) => [.. OutputLayout.FrameFiles(OutputLayout.CameraFolder(OutputDirectory, camera))];

    public JsonElement Status() =>
        Http.GetFromJsonAsync<JsonElement>(PageUrl + "api/status").GetAwaiter().GetResult();

    public void Dispose()
    {
        _job?.Dispose();
        _cameras.ForEach(camera => camera.Dispose());
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex(@"^Live view: http://127\.0\.0\.1:(?<port>\d+)/$")]
    private static partial Regex LiveViewLine();
}
