using SparkVideo.CameraServer.Sources.Network;
using SparkVideo.CommandLine;

namespace SparkVideo.CameraServer.Tests.Units;

public sealed class NetworkCameraUnitTests
{
    [Theory]
    [InlineData("rtsp://admin:hunter2@10.0.0.7:554/Streaming/101", "rtsp://***@10.0.0.7:554/Streaming/101")]
    [InlineData("error: rtsp://admin:hunter2@cam/s: Connection refused", "error: rtsp://***@cam/s: Connection refused")]
    [InlineData("http://cam/video.mjpg?user=admin&password=hunter2&ch=1", "http://cam/video.mjpg?user=***&password=***&ch=1")]
    [InlineData("'rtsp://only-user@cam/s' and https://a:b@other/x", "'rtsp://***@cam/s' and https://***@other/x")]
    [InlineData("rtsp://cam.local/stream", "rtsp://cam.local/stream")]
    [InlineData("no url at all: user:pass@host", "no url at all: user:pass@host")]
    public void Credentials_in_urls_are_masked_and_the_rest_is_kept(string text, string redacted)
    {
        Assert.Equal(redacted, UrlCredentials.Redact(text));
        Assert.Equal(redacted, UrlCredentials.Redact(redacted));
    }

    [Theory]
    [InlineData("rtsp://cam/stream")]
    [InlineData("rtsps://u:p@cam:322/stream")]
    [InlineData("http://cam/mjpg/video.mjpg")]
    [InlineData("https://cam/video")]
    public void Network_camera_urls_parse(string url)
    {
        Assert.NotNull(CameraUrl.Parse(url, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("rtsp://user:hunter2@/stream", "is not a valid URL")]
    [InlineData("ftp://user:hunter2@cam/video", "unsupported scheme 'ftp'")]
    [InlineData("rtsp://user:hunter2@cam/a stream", "is not a valid URL")]
    public void Malformed_urls_are_one_line_without_the_password(string url, string message)
    {
        Assert.Null(CameraUrl.Parse(url, out var problem));
        Assert.Contains(message, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_doubles_from_half_a_second_up_to_its_cap_and_restarts_after_a_success()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(5));

        var waits = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ToArray();
        backoff.Reset();

        Assert.Equal([0.5, 1, 2, 4, 5, 5], waits);
        Assert.Equal(0.5, backoff.Next().TotalSeconds);
    }
}
