using SparkVideo.ChildProcesses;

namespace SparkVideo.Testing.StreamServers;

/// <summary>
/// A real RTSP server on loopback (GStreamer's, through <c>rtsp_test_server.py</c>) serving a video as H.264 on
/// <see cref="Url"/>, optionally behind Basic authentication. It can be killed and started again on the same port,
/// and paused (SIGSTOP: the connection stays open and nothing more arrives, a stalled camera).
/// </summary>
public sealed class RtspTestServer : IDisposable
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly string _video;
    private readonly string? _credentials;
    private ChildProcess? _process;

    /// <param name="port">A port of the test's choosing (a camera the server already waits for); a free one when null.</param>
    public RtspTestServer(string video, string? credentials = null, int? port = null)
    {
        _video = video;
        _credentials = credentials;
        Port = port ?? FreePort.Get();
        Start();
    }

    public int Port { get; }

    /// <summary>The stream's URL without credentials.</summary>
    public string Url => $"rtsp://127.0.0.1:{Port}/stream";

    /// <summary>The URL with <paramref name="credentials"/> ("user:password") in it.</summary>
    public string UrlWith(string credentials) => $"rtsp://{credentials}@127.0.0.1:{Port}/stream";

    /// <summary>Starts the server (again, after <see cref="Kill"/>) and waits until it listens.</summary>
    public void Start()
    {
        var arguments = new List<string> { Script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _video };
        if (_credentials is not null)
        {
            arguments.Add(_credentials);
        }
        // Debian's python3-gi is installed for the system's python3; a pyenv shim on PATH is told to use that one.
        var process = ChildProcess.StartExecutable("python3", arguments, new ChildProcessOptions
        {
            Environment = [new("PYENV_VERSION", "system")],
        });
        try
        {
            process.WaitForLine(line => line.StartsWith("rtsp://", StringComparison.Ordinal), StartupTimeout);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        _process = process;
    }

    /// <summary>Kills the server at once, as a camera that loses power: its clients' connections end.</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open but nothing more is sent.</summary>
    public void Pause() => Process.Pause();

    /// <summary>Lets a paused server go on (SIGCONT).</summary>
    public void Resume() => Process.Resume();

    private ChildProcess Process => _process ?? throw new InvalidOperationException("the RTSP test server is not running");

    private static string Script => RepoPaths.InOutputFolder(Path.Combine("StreamServers", "rtsp_test_server.py"));

    public void Dispose() => Kill();
}
