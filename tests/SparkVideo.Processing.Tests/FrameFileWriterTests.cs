using SparkVideo.Processing;

namespace SparkVideo.Processing.Tests;

public sealed class FrameFileWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sparkvideo-writer-").FullName;

    [Fact]
    public void Names_the_file_by_the_timestamp_in_milliseconds()
    {
        var name = FrameFileWriter.Write(_directory, 1767668128.3084435, [1, 2, 3]);

        Assert.Equal("frame_1767668128308.jpg", name);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(_directory, name)));
    }

    [Fact]
    public void Two_frames_in_the_same_millisecond_keep_both_files()
    {
        var first = FrameFileWriter.Write(_directory, 1767668128.3081, [1]);
        var second = FrameFileWriter.Write(_directory, 1767668128.3089, [2]);

        Assert.Equal("frame_1767668128308.jpg", first);
        Assert.Equal("frame_1767668128308_1.jpg", second);
        Assert.Equal(new byte[] { 1 }, File.ReadAllBytes(Path.Combine(_directory, first)));
        Assert.Equal(new byte[] { 2 }, File.ReadAllBytes(Path.Combine(_directory, second)));
    }

    [Fact]
    public void Concurrent_writers_of_one_millisecond_never_overwrite_each_other()
    {
        // Many rounds: a check-then-rename race loses a frame only now and then.
        const int writers = 16;
        const int rounds = 50;
        for (var round = 0; round < rounds; round++)
        {
            var timestamp = 1767668128.5 + round;
            var names = new string[writers];
            Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, i =>
                names[i] = FrameFileWriter.Write(_directory, timestamp, [(byte)i]));

            Assert.Equal(writers, names.Distinct().Count());
            var contents = names.Select(n => File.ReadAllBytes(Path.Combine(_directory, n)).Single()).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, writers).Select(i => (byte)i), contents);
        }
        Assert.Equal(writers * rounds, Directory.GetFiles(_directory).Length); // no temporary file left behind
    }

    [Fact]
    public void A_missing_directory_is_created_as_an_executor_that_never_ran_the_preflight_needs_it()
    {
        var target = Path.Combine(_directory, "made", "by", "the", "writer");

        var name = FrameFileWriter.Write(target, 1767668128.5, [7]);

        Assert.Equal([7], File.ReadAllBytes(Path.Combine(target, name)));
    }

    [Fact]
    public void An_unwritable_directory_fails_with_its_name()
    {
        var notADirectory = Path.Combine(_directory, "file");
        File.WriteAllText(notADirectory, "");
        var target = Path.Combine(notADirectory, "output_frames");

        var error = Assert.ThrowsAny<IOException>(() => FrameFileWriter.Write(target, 1767668128.5, [1]));

        Assert.Contains($"cannot write frames to '{target}'", error.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
