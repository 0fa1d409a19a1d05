using SparkVideo.Processing;

namespace SparkVideo.Job.Tests;

public sealed class FrameFileWriterTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sparkvideo-writer-").FullName;

    [Fact]
    public void NamesTheFileByTheTimestampInMilliseconds()
    {
        var name = FrameFileWriter.Write(directory, 1767668128.3084435, [1, 2, 3]);

        Assert.Equal("frame_1767668128308.jpg", name);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(directory, name)));
    }

    [Fact]
    public void TwoFramesInTheSameMillisecondKeepBothFiles()
    {
        var first = FrameFileWriter.Write(directory, 1767668128.3081, [1]);
        var second = FrameFileWriter.Write(directory, 1767668128.3089, [2]);

        Assert.Equal("frame_1767668128308.jpg", first);
        Assert.Equal("frame_1767668128308_1.jpg", second);
        Assert.Equal(new byte[] { 1 }, File.ReadAllBytes(Path.Combine(directory, first)));
        Assert.Equal(new byte[] { 2 }, File.ReadAllBytes(Path.Combine(directory, second)));
    }

    [Fact]
    public void ConcurrentWritersOfOneMillisecondNeverOverwriteEachOther()
    {
        // Many rounds: a check-then-rename race loses a frame only now and then.
        const int writers = 16;
        const int rounds = 50;
        for (var round = 0; round < rounds; round++)
        {
            var timestamp = 1767668128.5 + round;
            var names = new string[writers];
            Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, i =>
                names[i] = FrameFileWriter.Write(directory, timestamp, [(byte)i]));

            Assert.Equal(writers, names.Distinct().Count());
            var contents = names.Select(n => File.ReadAllBytes(Path.Combine(directory, n)).Single()).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, writers).Select(i => (byte)i), contents);
        }
        Assert.Equal(writers * rounds, Directory.GetFiles(directory).Length); // no temporary file left behind
    }

    [Fact]
    public void AMissingDirectoryIsCreatedAsAnExecutorThatNeverRanThePreflightNeedsIt()
    {
        var target = Path.Combine(directory, "made", "by", "the", "writer");

        var name = FrameFileWriter.Write(target, 1767668128.5, [7]);

        Assert.Equal([7], File.ReadAllBytes(Path.Combine(target, name)));
    }

    [Fact]
    public void AnUnwritableDirectoryFailsWithItsName()
    {
        var notADirectory = Path.Combine(directory, "file");
        File.WriteAllText(notADirectory, "");
        var target = Path.Combine(notADirectory, "output_frames");

        var error = Assert.Throws<IOException>(() => FrameFileWriter.Write(target, 1767668128.5, [1]));

        Assert.Contains($"cannot write frames to '{target}'", error.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
