using SparkVideo.Frames;
namespace SparkVideo.LiveView.Tests.Support;

/// <summary>
/// The real camera server (sample video, with its MJPEG preview) feeding the real job, whose live view listens
/// on a free port read back from its "Live view: http://127.0.0.1:PORT/" line.
/// </summary>
public sealed partial class LivePipeline : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private LivePipeline(CameraServerProcess camera, JobProcess job, string previewUrl, int uiPort)
    {
        Camera = camera;
        Job = job;
        PreviewUrl = previewUrl;
        UiPort = uiPort;
    }

    public CameraServerProcess Camera { get; }

    public JobProcess Job { get; }

    public string PreviewUrl { get; }

    public int PreviewPort => new Uri(PreviewUrl).Port;

    public int UiPort { get; }

    public string PageUrl => $"http://127.0.0.1:{UiPort.ToString(CultureInfo.InvariantCulture)}/";

    /// <param name="jobArguments">More options for the job (e.g. --ui-token-file).</param>
    public static LivePipeline Start(double fps, int? maxFrames = null, params string[] jobArguments)
    {
        string[] limit = maxFrames is { } max ? ["--max-frames", max.ToString(CultureInfo.InvariantCulture)] : ["--loop"];
        var camera = CameraServerProcess.Start(["--source", RepoPaths.PeopleWalkingVideo, "--fps", fps.ToString(CultureInfo.InvariantCulture), "--preview-port", "0", .. limit]);
        try
        {
            var previewUrl = ProgramLines.PreviewUrlOf(camera.Process.WaitForLine(line => ProgramLines.PreviewUrlOf(line) is not null, CameraServerProcess.StartupTimeout))!;
            var job = JobProcess.Start(camera.Port, null,
                ["--ui-port", FreePort.Get().ToString(CultureInfo.InvariantCulture), "--camera-preview-url", previewUrl, "--parallelism", "1", .. jobArguments]);
            var liveView = job.Process.WaitForLine(LiveViewLine().IsMatch, TimeSpan.FromSeconds(5));
            var uiPort = int.Parse(LiveViewLine().Match(liveView).Groups["port"].Value, CultureInfo.InvariantCulture);
            return new LivePipeline(camera, job, previewUrl, uiPort);
        }
        catch
        {
            camera.Dispose();
            throw;
        }
    }

    public JsonElement Status() =>
        Http.GetFromJsonAsync<JsonElement>(PageUrl + "api/status").GetAwaiter().GetResult();

    public void Dispose()
    {
        Job.Dispose();
        Camera.Dispose();
    }

    [GeneratedRegex(@"^Live view: http://127\.0\.0\.1:(?<port>\d+)/$")]
    private static partial Regex LiveViewLine();
}
