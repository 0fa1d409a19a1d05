using SparkVideo.Frames.Output;

namespace SparkVideo.Frames.Tests;

/// <summary>The output layout is written and read by one type: the names the UDF writes are the names every reader finds.</summary>
public sealed class OutputLayoutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sparkvideo-layout-").FullName;

    [Theory]
    [InlineData(1767668128308, 0, ".jpg", "frame_1767668128308.jpg")]
    [InlineData(1767668128308, 2, ".jpg", "frame_1767668128308_2.jpg")]
    [InlineData(1767668128308, 0, ".png", "frame_1767668128308.png")]
    public void A_frame_name_is_read_back_as_written(long ms, int index, string extension, string expected)
    {
        var name = OutputLayout.FrameFileName(ms, index, extension);

        Assert.Equal(expected, name);
        Assert.True(OutputLayout.TryParseFrameFileName(name, out var readMs, out var readIndex));
        Assert.Equal((ms, index), (readMs, readIndex));
    }

    [Fact]
    public void Frame_files_are_the_frames_of_every_format_and_nothing_else()
    {
        string[] frames = ["frame_1.jpg", "frame_2_1.jpg", "frame_3.png"];
        string[] others = ["rejects.log", ".frame_4.0123abcd.tmp", "frame_5.jpg.bak", "frame_x.jpg", "notes.txt"];
        foreach (var name in frames.Concat(others))
        {
            File.WriteAllBytes(Path.Combine(_folder, name), []);
        }
        var camera = Directory.CreateDirectory(Path.Combine(_folder, "door")).FullName;
        File.WriteAllBytes(Path.Combine(camera, "frame_6.jpg"), []);

        Assert.Equal(frames, OutputLayout.FrameFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([.. frames, "frame_6.jpg"], OutputLayout.FrameFiles(_folder, andCameraFolders: true).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([".frame_4.0123abcd.tmp"], OutputLayout.TemporaryFrameFiles(_folder).Select(Path.GetFileName));
        Assert.Empty(OutputLayout.FrameFiles(Path.Combine(_folder, "missing")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
