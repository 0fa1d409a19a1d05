namespace SparkVideo.Mjpeg.Tests;

/// <summary>The raw request target as the client sent it, before Kestrel resolves dots or decodes escapes.</summary>
public sealed class RawPathGuardTests
{
    [Theory]
    [InlineData("/../etc/passwd")]
    [InlineData("/frames/..")]
    [InlineData("/%2e%2e/secret")]
    [InlineData("/%2E%2E/secret")]
    [InlineData("/a%2fb")]
    [InlineData("/a%5Cb")]
    [InlineData("/a\\b")]
    [InlineData("//etc/passwd")]
    public void A_target_that_could_leave_the_site_is_refused(string rawTarget) =>
        Assert.True(RawPathGuard.IsSuspicious(rawTarget));

    [Theory]
    [InlineData("/")]
    [InlineData("/stream.mjpg")]
    [InlineData("/status.json?token=abc")]
    [InlineData("/frame.jpg?camera=cam1")]
    public void The_site_s_own_routes_pass(string rawTarget) =>
        Assert.False(RawPathGuard.IsSuspicious(rawTarget));
}
