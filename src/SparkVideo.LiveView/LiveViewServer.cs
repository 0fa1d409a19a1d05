using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using SparkVideo.LiveView.Access;
using SparkVideo.LiveView.Frames;
using SparkVideo.LiveView.Status;
using SparkVideo.LiveView.Web;
using SparkVideo.Mjpeg;

namespace SparkVideo.LiveView;

/// <summary>
/// The job's live view: a read-only page with the newest processed frame as MJPEG beside the camera's preview,
/// per-second charts and totals, and <c>/api/status</c> with the same numbers. It reads what the job writes on
/// the driver (the output directory and rejects.log) and the query progress handed to
/// <see cref="RecordProgress"/>; it never touches the UDFs or the engine, so it works under spark-submit too.
/// Given the cameras of a multi-camera job, it also serves each camera's newest frame on
/// <c>/cameras/NAME/stream.mjpg</c> and as one JPEG on <c>/cameras/NAME/frame.jpg</c> (what the page's tiles load);
/// NAME is looked up among those cameras, never used as a path.
/// </summary>
public sealed class LiveViewServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly LiveViewOptions _options;
    private readonly FrameFeed _allFrames = new();
    private readonly IReadOnlyDictionary<string, FrameFeed> _cameras;
    private readonly LiveStatistics _statistics = new();
    private readonly RejectsLogReader _rejects;
    private readonly OutputDirectoryWatcher _frames;
    private readonly Timer _everySecond;
    private WebApplication? _app;
    private DiskUse? _diskUse;

    private readonly AccessToken? _token;

    private LiveViewServer(LiveViewOptions options, AccessToken? token)
    {
        _options = options;
        _token = token;
        _cameras = options.Cameras.ToDictionary(name => name, _ => new FrameFeed(), StringComparer.Ordinal);
        _rejects = new RejectsLogReader(options.RejectsLogPath);
        _frames = new OutputDirectoryWatcher(options.OutputDirectory, _allFrames, _cameras, _statistics);
        _everySecond = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The page's address, e.g. http://127.0.0.1:4050/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>
    /// Starts the live view and prints <c>Live view: http://HOST:PORT/</c>. Returns null, with a warning on
    /// <paramref name="error"/>, when no port could be bound: the job runs on without it.
    /// </summary>
    public static async Task<LiveViewServer?> StartAsync(LiveViewOptions options, TextWriter output, TextWriter error)
    {
        var address = LiveViewOptions.ParseHost(options.Host) ?? throw new ArgumentException($"not an IP address or 'localhost': {options.Host}", nameof(options));
        // Off loopback a token is always required: the given one, else one made now and printed once below.
        var token = options.Token ?? (IPAddress.IsLoopback(address) ? null : AccessToken.Generate());
        var server = new LiveViewServer(options, token);
        try
        {
            var (app, port) = await WebHostStarter.StartAsync(address, options.Port, LiveViewOptions.PortAttempts, server.MapRoutes).ConfigureAwait(false);
            server._app = app;
            server.Address = new Uri($"http://{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address)}:{port}/");
        }
        catch (IOException e)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            var ports = options.Port == 0 ? "a free port" : $"ports {options.Port}-{Math.Min(IPEndPoint.MaxPort, options.Port + LiveViewOptions.PortAttempts - 1)}";
            error.WriteLine($"warning: live view not started: cannot listen on {options.Host} ({ports}): {e.Message}");
            return null;
        }
        if (!IPAddress.IsLoopback(address))
        {
            error.WriteLine($"warning: the live view listens on {options.Host} over plain HTTP: its token and the video cross the network unencrypted");
        }
        output.WriteLine($"Live view: {server.Address}");
        if (token is not null && options.Token is null)
        {
            output.WriteLine($"Live view token (printed only now; open the page once as {server.Address}?token=TOKEN): {token.Value}");
        }
        return server;
    }

    /// <summary>Called by the job's retention janitor after each round.</summary>
    public void RecordDiskUse(DiskUse use) => Volatile.Write(ref _diskUse, use);

    /// <summary>Called by the driver's query listener after each micro-batch (embedded engine only).</summary>
    public void RecordProgress(QueryProgressSample progress) => _statistics.RecordProgress(progress);

    public StatusSnapshot Snapshot()
    {
        var viewers = _allFrames.Viewers.Active + _cameras.Values.Sum(camera => camera.Viewers.Active);
        var snapshot = _statistics.Snapshot(viewers, _allFrames.Viewers.Capacity, _options.CameraPreviewUrl) with { Settings = _options.Settings, Disk = Disk() };
        return _options.Cameras.Count == 0 ? snapshot : snapshot with
        {
            Cameras = [.. _options.Cameras.Select(name => new CameraStatus(
                name, CameraPath(name, "stream.mjpg"), CameraPath(name, "frame.jpg"), _cameras[name].Processed, _cameras[name].Viewers.Active))],
        };
    }

    private DiskStatus Disk()
    {
        var use = Volatile.Read(ref _diskUse);
        return new DiskStatus(use?.Retention ?? "off", FreeBytes(), use?.FrameFiles, use?.FrameBytes, use?.Deleted);
    }

    /// <summary>The output volume's free space (one statvfs); null where it cannot be asked.</summary>
    private long? FreeBytes()
    {
        try
        {
            return new DriveInfo(_options.OutputDirectory).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static string CameraPath(string name, string resource) => $"/cameras/{Uri.EscapeDataString(name)}/{resource}";

    private void Tick()
    {
        _statistics.RecordRejects(_rejects.ReadNew());
        _statistics.CloseSecond();
    }

    private void MapRoutes(WebApplication web)
    {
        var stopping = web.Lifetime.ApplicationStopping;
        var contentSecurity = ContentSecurityPolicy(_options.CameraPreviewUrl);
        web.Use(RawPathGuard.Middleware);
        web.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = contentSecurity;
            return next();
        });
        if (_token is not null)
        {
            web.Use(TokenGate.Middleware(_token));
        }
        web.MapGet("/", () => EmbeddedAssets.Serve(EmbeddedAssets.Page, "text/html; charset=utf-8"));
        web.MapGet("/live-view.js", () => EmbeddedAssets.Serve(EmbeddedAssets.Script, "text/javascript; charset=utf-8"));
        web.MapGet("/live-view.css", () => EmbeddedAssets.Serve(EmbeddedAssets.Style, "text/css; charset=utf-8"));
        web.MapGet("/favicon.svg", () => EmbeddedAssets.Serve(EmbeddedAssets.Icon, "image/svg+xml"));
        web.MapGet("/stream.mjpg", (HttpContext context) => MjpegStream.ServeAsync(context, _allFrames.Slot, _allFrames.Viewers, stopping));
        web.MapGet("/cameras/{name}/stream.mjpg", (HttpContext context, string name) =>
            ServeCamera(context, name, camera => MjpegStream.ServeAsync(context, camera.Slot, camera.Viewers, stopping)));
        // The page's tiles load this a few times a second instead of a stream each: a browser opens at most six
        // connections to one server, so one stream per tile would stall a page of six or more cameras.
        web.MapGet("/cameras/{name}/frame.jpg", (HttpContext context, string name) =>
            ServeCamera(context, name, camera => ServeNewestFrame(context, camera, stopping)));
        web.MapGet("/api/status", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsJsonAsync(Snapshot(), Json);
        });
    }

    /// <summary>Serves one of the job's cameras; a name that is not one of them (the URL's, never a path) gets 404.</summary>
    private Task ServeCamera(HttpContext context, string name, Func<FrameFeed, Task> serve)
    {
        if (_cameras.TryGetValue(name, out var camera))
        {
            return serve(camera);
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>The camera's newest frame as one JPEG, never cached; 204 before its first frame.</summary>
    private static Task ServeNewestFrame(HttpContext context, FrameFeed camera, CancellationToken stopping)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (camera.Slot.Latest?.Jpeg is not { } jpeg)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
        // A transparent background's frames are PNGs (the page's tiles load them all the same).
        context.Response.ContentType = jpeg.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "image/png" : "image/jpeg";
        context.Response.ContentLength = jpeg.Length;
        return context.Response.Body.WriteAsync(jpeg, stopping).AsTask();
    }

    /// <summary>Only this server's own script and style; images also from the camera preview's origin.</summary>
    private static string ContentSecurityPolicy(string? cameraPreviewUrl)
    {
        var previewOrigin = cameraPreviewUrl is not null && Uri.TryCreate(cameraPreviewUrl, UriKind.Absolute, out var uri)
            ? " " + uri.GetLeftPart(UriPartial.Authority)
            : "";
        return $"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'{previewOrigin}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    public async ValueTask DisposeAsync()
    {
        await _everySecond.DisposeAsync().ConfigureAwait(false);
        _frames.Dispose();
        if (_app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
