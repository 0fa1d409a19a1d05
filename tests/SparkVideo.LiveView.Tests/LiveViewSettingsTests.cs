using SparkVideo.LiveView.Status;
using SparkVideo.Processing;

namespace SparkVideo.LiveView.Tests;

/// <summary>What the job tells the live view about itself: its settings on /api/status, and its PNG frames (a transparent background) counted and served.</summary>
public sealed class LiveViewSettingsTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("sparkvideo-liveview-settings-").FullName;

    [Fact]
    public async Task The_jobs_settings_are_served_in_order_on_api_status()
    {
        var server = await LiveViewServer.StartAsync(new LiveViewOptions
        {
            Host = "127.0.0.1",
            Port = FreePort.Get(),
            OutputDirectory = _output,
            Settings = [new JobSetting("background", "blur:15"), new JobSetting("edges", "guided")],
        }, TextWriter.Null, TextWriter.Null);
        Assert.NotNull(server);
        await using (server)
        {
            using var client = new HttpClient();
            using var status = await client.GetFromJsonAsync<JsonDocument>(new Uri(server.Address, "/api/status"));

            var settings = status!.RootElement.GetProperty("settings").EnumerateArray()
                .Select(s => $"{s.GetProperty("name").GetString()}={s.GetProperty("value").GetString()}").ToArray();
            Assert.Equal(["background=blur:15", "edges=guided"], settings);
        }
    }

    [Fact]
    public async Task Png_frames_are_counted_and_a_cameras_newest_is_served_as_png()
    {
        Directory.CreateDirectory(Path.Combine(_output, "north"));
        var server = await LiveViewServer.StartAsync(
            new LiveViewOptions { Host = "127.0.0.1", Port = FreePort.Get(), OutputDirectory = _output, Cameras = ["north"] }, TextWriter.Null, TextWriter.Null);
        Assert.NotNull(server);
        await using (server)
        {
            var png = PngFrame();
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            for (var i = 0; i < 3; i++)
            {
                FrameFileWriter.Write(Path.Combine(_output, "north"), now + i * 0.1, png, ".png");
            }

            Eventually.True(() => server.Snapshot().Processed == 3,
                () => $"the live view counted {server.Snapshot().Processed.ToString(CultureInfo.InvariantCulture)} of 3 PNG frames", TimeSpan.FromSeconds(10));
            using var client = new HttpClient();
            using var response = await client.GetAsync(new Uri(server.Address, "/cameras/north/frame.jpg"));
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        }
    }

    /// <summary>A real PNG with an alpha channel, as the transparent mode writes one.</summary>
    private static byte[] PngFrame()
    {
        using var bgra = new OpenCvSharp.Mat(48, 64, OpenCvSharp.MatType.CV_8UC4, new OpenCvSharp.Scalar(10, 20, 30, 128));
        OpenCvSharp.Cv2.ImEncode(".png", bgra, out var png);
        return png;
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
