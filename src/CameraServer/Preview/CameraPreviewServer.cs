using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SparkVideo.Mjpeg;

namespace SparkVideo.CameraServer.Preview;

/// <summary>
/// The camera server's preview: the JPEGs it sends, as MJPEG on <c>/stream.mjpg</c>, for the live view to show
/// beside the output. Publishing a frame only replaces the slot's reference, so viewers never touch the pacing.
/// </summary>
internal sealed class CameraPreviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CameraPreviewServer(WebApplication app, Uri streamUrl, LatestFrameSlot frames)
    {
        _app = app;
        StreamUrl = streamUrl;
        Frames = frames;
    }

    /// <summary>Publish each frame sent to consumers here.</summary>
    public LatestFrameSlot Frames { get; }

    public Uri StreamUrl { get; }

    /// <exception cref="IOException">The address or port cannot be bound.</exception>
    public static async Task<CameraPreviewServer> StartAsync(IPAddress address, int port)
    {
        var frames = new LatestFrameSlot();
        var gate = new ViewerGate(ViewerGate.DefaultCapacity);
        var (app, bound) = await WebHostStarter.StartAsync(address, port, attempts: 1, web =>
        {
            var stopping = web.Lifetime.ApplicationStopping;
            web.Use(RawPathGuard.Middleware);
            web.MapGet("/stream.mjpg", (HttpContext context) => MjpegStream.ServeAsync(context, frames, gate, stopping));
        }).ConfigureAwait(false);
        var host = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new CameraPreviewServer(app, new Uri($"http://{host}:{bound}/stream.mjpg"), frames);
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
