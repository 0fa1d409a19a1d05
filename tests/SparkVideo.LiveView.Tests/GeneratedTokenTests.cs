using System.Net;
using System.Net.Http.Headers;

namespace SparkVideo.LiveView.Tests;

/// <summary>
/// The rule for a live view off loopback without --ui-token-file: the job makes a token, prints it once, and every
/// request must carry it. 0.0.0.0 is not a loopback address, and the test reaches it on 127.0.0.1.
/// </summary>
public sealed partial class GeneratedTokenTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Off_loopback_without_a_token_file_a_token_is_generated_printed_once_and_required()
    {
        var uiPort = FreePort.Get().ToString(CultureInfo.InvariantCulture);
        using var job = JobProcess.Start(FreePort.Get(), null, "--ui-host", "0.0.0.0", "--ui-port", uiPort);

        var line = Assert.Single(job.Process.StdoutLines, line => line.StartsWith("Live view token", StringComparison.Ordinal));
        var token = TokenLine().Match(line).Groups["token"].Value;
        Assert.Equal(43, token.Length);
        Assert.Single(job.Process.StdoutLines, line => line.Contains(token, StringComparison.Ordinal));
        // stderr is read on its own thread: the warning may land after the ready line on stdout.
        job.Process.WaitForStderrLine(
            line => line.StartsWith("warning: the live view listens on 0.0.0.0 over plain HTTP", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));

        var status = new Uri($"http://127.0.0.1:{uiPort}/api/status");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(status, null));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(status, token));
    }

    private static async Task<HttpStatusCode> StatusOf(Uri url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"^Live view token \(printed only now; open the page once as http://0\.0\.0\.0:\d+/\?token=TOKEN\): (?<token>[A-Za-z0-9_-]+)$")]
    private static partial Regex TokenLine();
}
