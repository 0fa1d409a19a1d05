using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SparkVideo.Mjpeg;

/// <summary>
/// Answers 404 to any request whose raw target tries to leave the site: Kestrel would resolve <c>/../</c> to
/// <c>/</c> and decode <c>%2e%2e</c> before routing, so the check looks at the bytes the client sent. The routes
/// are exact names besides; no part of a URL is ever used as a file name.
/// </summary>
public static class RawPathGuard
{
    public static bool IsSuspicious(string rawTarget) =>
        rawTarget.Contains("..", StringComparison.Ordinal)
        || rawTarget.Contains('\\')
        || rawTarget.Contains("%2e", StringComparison.OrdinalIgnoreCase)
        || rawTarget.Contains("%2f", StringComparison.OrdinalIgnoreCase)
        || rawTarget.Contains("%5c", StringComparison.OrdinalIgnoreCase)
        || rawTarget.Contains("//", StringComparison.Ordinal);

    public static Func<HttpContext, Func<Task>, Task> Middleware => (context, next) =>
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        if (IsSuspicious(raw))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next();
    };
}
