using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Processing;
using SparkVideo.Testing;

namespace SparkVideo.Processing.Tests;

/// <summary>The background-removal UDF body on a real frame, with the real model, in this process.</summary>
public sealed class FrameProcessorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sparkvideo-processor-").FullName;

    [Fact]
    public void Saves_a_real_frame_with_its_background_removed_and_returns_its_path()
    {
        var settings = new ProcessingSettings { OutputDir = _directory, OutputDirFullPath = _directory };
        var jpeg = VideoJpegs.Encode(RepoPaths.PeopleWalkingVideo, 640, 480, maxFrames: 1)[0];
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        var path = FrameProcessor.Process(Convert.ToBase64String(jpeg), timestamp, 640, 480, settings);

        Assert.NotNull(path);
        var written = File.ReadAllBytes(Path.Combine(_directory, Path.GetFileName(path)));
        Assert.True(JpegHeader.TryReadSize(written, out var width, out var height, out _));
        Assert.Equal((640, 480), (width, height));
        Assert.NotEqual(jpeg, written);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
