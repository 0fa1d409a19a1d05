using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SparkVideo.Mjpeg;

/// <summary>
/// Serves a <see cref="LatestFrameSlot"/> as MJPEG (<c>multipart/x-mixed-replace</c>), the format an
/// <c>&lt;img&gt;</c> plays natively. Each viewer gets the newest frame whenever it is ready for one, so a slow
/// viewer skips frames; one that accepts nothing for <see cref="StalledViewerTimeout"/> is dropped. Writes are
/// asynchronous: no thread waits for a viewer, and the producer never does.
/// </summary>
public static class MjpegStream
{
    public static readonly TimeSpan StalledViewerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>At most 30 frames a second to each viewer: a faster job is shown at 30 FPS, its newest frame each time.</summary>
    public static readonly TimeSpan MinFrameInterval = TimeSpan.FromSeconds(1.0 / 30);

    private const string Boundary = "sparkvideo-frame";

    public static async Task ServeAsync(HttpContext context, LatestFrameSlot slot, ViewerGate gate, CancellationToken serverStopping)
    {
        if (!gate.TryEnter())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await context.Response.WriteAsync($"at most {gate.Capacity} viewers at once\n").ConfigureAwait(false);
            return;
        }
        try
        {
            var response = context.Response;
            response.ContentType = $"multipart/x-mixed-replace; boundary={Boundary}";
            response.Headers.CacheControl = "no-store";
            using var viewerOrServerGone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
            var closed = viewerOrServerGone.Token;
            long seen = 0;
            var sent = System.Diagnostics.Stopwatch.StartNew();
            while (!closed.IsCancellationRequested)
            {
                var frame = await slot.WaitNewerAsync(seen, closed).ConfigureAwait(false);
                seen = frame.Sequence;
                if (frame.Jpeg is not { } jpeg)
                {
                    continue;
                }
                if (!await TryWriteAsync(response, jpeg, closed).ConfigureAwait(false))
                {
                    context.Abort();
                    return;
                }
                var wait = MinFrameInterval - sent.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, closed).ConfigureAwait(false);
                }
                sent.Restart();
            }
        }
        catch (OperationCanceledException)
        {
            // The viewer left.
        }
        finally
        {
            gate.Leave();
        }
    }

    /// <summary>False when the viewer did not take the frame within the timeout.</summary>
    private static async Task<bool> TryWriteAsync(HttpResponse response, byte[] jpeg, CancellationToken closed)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(closed);
        deadline.CancelAfter(StalledViewerTimeout);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n"));
        try
        {
            await response.Body.WriteAsync(header, deadline.Token).ConfigureAwait(false);
            await response.Body.WriteAsync(jpeg, deadline.Token).ConfigureAwait(false);
            await response.Body.WriteAsync("\r\n"u8.ToArray(), deadline.Token).ConfigureAwait(false);
            await response.Body.FlushAsync(deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!closed.IsCancellationRequested)
        {
            return false;
        }
    }
}
