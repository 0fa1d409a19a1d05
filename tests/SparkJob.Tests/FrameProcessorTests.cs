using SparkVideo.Frames;
using SparkVideo.Processes;
using SparkVideo.Processing;
using SparkVideo.Samples;

namespace SparkVideo.Job.Tests;

/// <summary>The background-removal UDF body on a real frame, with the real model, in this process.</summary>
public sealed class FrameProcessorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sparkvideo-processor-").FullName;

    [Fact]
    public void Reads_each_frames_jpeg_header_once_from_validation_to_decoding()
    {
        var settings = new ProcessingSettings { OutputDir = _directory, OutputDirFullPath = _directory };
        var jpeg = VideoJpegs.Encode(RepoPaths.PeopleWalkingVideo, 640, 480, maxFrames: 1)[0];
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        // The header read is counted per thread; the UDF body runs on this one from the validator to the decoder.
        var before = JpegHeader.ReadsOnThisThread;
        var path = FrameProcessor.Process(Convert.ToBase64String(jpeg), timestamp, 640, 480, settings);
        var reads = JpegHeader.ReadsOnThisThread - before;

        Assert.NotNull(path);
        Assert.True(File.Exists(Path.Combine(_directory, Path.GetFileName(path))));
        Assert.Equal(1, reads);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
