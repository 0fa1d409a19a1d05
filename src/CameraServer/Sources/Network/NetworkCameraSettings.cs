namespace SparkVideo.CameraServer.Sources.Network;

/// <summary>The options that shape a network camera connection, taken from the command line.</summary>
internal sealed record NetworkCameraSettings(
    int Width, int Height, TimeSpan ConnectTimeout, TimeSpan ReadTimeout, string RtspTransport, TimeSpan MaxReconnectDelay)
{
    public int FrameBytes => Width * Height * 3;

    public static NetworkCameraSettings From(CameraServerOptions options) => new(
        options.Width, options.Height, TimeSpan.FromSeconds(options.ConnectTimeoutSeconds), TimeSpan.FromSeconds(options.ReadTimeoutSeconds),
        options.RtspTransport, TimeSpan.FromSeconds(options.MaxReconnectDelaySeconds));
}
