using SparkVideo.Processing;

namespace SparkVideo.LiveView.Tests;

/// <summary>With --camera the job writes output_frames/NAME/frame_&lt;ms&gt;.jpg: the live view counts those frames too.</summary>
public sealed class CameraFolderCountsTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("sparkvideo-liveview-cameras-").FullName;

    [Fact]
    public async Task Frames_in_camera_folders_are_counted_with_the_ones_at_the_top()
    {
        // The job creates each camera's folder before the live view starts; frames already there are an earlier run's.
        Directory.CreateDirectory(Path.Combine(_output, "north"));
        Directory.CreateDirectory(Path.Combine(_output, "south"));
        var jpeg = File.ReadAllBytes(RepoPaths.InRepo("samples/photos/astronaut.jpg"));
        FrameFileWriter.Write(Path.Combine(_output, "north"), 1767668128.000, jpeg);
        var server = await LiveViewServer.StartAsync(
            new LiveViewOptions { Host = "127.0.0.1", Port = FreePort.Get(), OutputDirectory = _output }, TextWriter.Null, TextWriter.Null);
        Assert.NotNull(server);
        await using (server)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            for (var i = 0; i < 3; i++)
            {
                FrameFileWriter.Write(Path.Combine(_output, "north"), now + i * 0.1, jpeg);
                FrameFileWriter.Write(Path.Combine(_output, "south"), now + i * 0.1, jpeg);
            }
            FrameFileWriter.Write(_output, now, jpeg);

            Eventually.True(() => server.Snapshot().Processed == 7,
                () => $"the live view counted {server.Snapshot().Processed.ToString(CultureInfo.InvariantCulture)} of 7 new frames", TimeSpan.FromSeconds(10));
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
