using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using SparkVideo.LiveView.Tests.Support;

namespace SparkVideo.LiveView.Tests;

/// <summary>
/// The live view with a token, in a real Chromium and with raw requests: without it or with a wrong one every route
/// answers 401; the first page load with the right ?token= leaves an HttpOnly, SameSite=Strict cookie and the video plays.
/// </summary>
public sealed class LiveViewAccessTests(TokenPipelineFixture fixture) : IClassFixture<TokenPipelineFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private static readonly float PageTimeoutMs = 60_000;

    private LivePipeline Pipeline => fixture.Pipeline;

    [Fact]
    public async Task Without_a_token_the_page_answers_401_in_the_browser()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(Pipeline.PageUrl);

        Assert.Equal(401, response!.Status);
        Assert.Equal(0, await page.Locator("#output").CountAsync());
    }

    [Fact]
    public async Task With_a_wrong_token_the_page_answers_401_in_the_browser_and_sets_no_cookie()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(Pipeline.PageUrl + "?token=wrong-token-7f3a9c1e5b2d4f6");

        Assert.Equal(401, response!.Status);
        Assert.Empty(await context.CookiesAsync());
    }

    [Fact]
    public async Task With_the_right_token_once_the_video_plays_and_the_token_becomes_an_http_only_strict_cookie()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(Pipeline.PageUrl + "?token=" + TokenPipelineFixture.Token);

        Assert.Equal(200, response!.Status);
        Assert.Equal(Pipeline.PageUrl, page.Url); // redirected: the token is not left in the address bar
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(TokenPipelineFixture.Token, cookie.Value);

        var waitOptions = new PageWaitForFunctionOptions { Timeout = PageTimeoutMs };
        await page.WaitForFunctionAsync("() => document.getElementById('output').naturalWidth > 0", null, waitOptions);
        await page.WaitForFunctionAsync("() => document.getElementById('v-processed').textContent.includes('frames/s')", null, waitOptions);
        await PlayingVideo.AssertChangesAsync(page, "#output", TimeSpan.FromMilliseconds(PageTimeoutMs));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/live-view.js")]
    [InlineData("/live-view.css")]
    [InlineData("/favicon.svg")]
    [InlineData("/stream.mjpg")]
    [InlineData("/api/status")]
    [InlineData("/cameras/north/frame.jpg")]
    [InlineData("/nope")]
    public async Task Every_route_answers_401_without_the_token_or_with_a_wrong_one_and_opens_with_it(string path)
    {
        var url = new Uri(new Uri(Pipeline.PageUrl), path);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(url, token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(url, token: "wrong-token-7f3a9c1e5b2d4f6"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(new Uri(url + "?token=" + TokenPipelineFixture.Token[..^1]), token: null));

        var expected = path is "/cameras/north/frame.jpg" or "/nope" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
        Assert.Equal(expected, await StatusOf(url, TokenPipelineFixture.Token));
    }

    /// <summary>The status of a GET with the token as a bearer header (or none), reading no body (streams never end).</summary>
    private static async Task<HttpStatusCode> StatusOf(Uri url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }
}
