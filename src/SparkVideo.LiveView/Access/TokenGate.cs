using Microsoft.AspNetCore.Http;

namespace SparkVideo.LiveView.Access;

/// <summary>
/// Every route of the live view, page, assets, streams, frames and API alike, answers 401 without the token. The
/// token comes as a cookie (set by the first page load with <c>?token=</c>, HttpOnly and SameSite=Strict, so the
/// page's own requests carry it and no other site's do) or as <c>Authorization: Bearer</c> for scripts. A page
/// load with a right <c>?token=</c> is redirected to the same path without it, so the token leaves the address bar.
/// </summary>
internal static class TokenGate
{
    public const string CookieName = "sparkvideo_token";
    private const string QueryName = "token";

    public static Func<HttpContext, Func<Task>, Task> Middleware(AccessToken token) => (context, next) =>
    {
        var request = context.Request;
        if (token.Matches(request.Cookies[CookieName]) || token.Matches(BearerToken(request)))
        {
            return next();
        }
        if (request.Query.TryGetValue(QueryName, out var given) && given.Count == 1 && token.Matches(given[0]))
        {
            context.Response.Cookies.Append(CookieName, token.Value, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                Secure = request.IsHttps,
            });
            if (HttpMethods.IsGet(request.Method) && request.Path == "/")
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Redirect("/");
                return Task.CompletedTask;
            }
            return next();
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("401: this live view needs its token: open it with ?token=TOKEN once.\n");
    };

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
    }
}
