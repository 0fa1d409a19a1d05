using SparkVideo.Frames.Output;
using SparkVideo.Job.Retention;

namespace SparkVideo.Job.Tests.Retention;

/// <summary>One sweep over a real folder of frame files and everything else a folder may hold.</summary>
public sealed class FrameFolderSweepTests : IDisposable
{
    private const int FrameBytes = 1000;
    private const long FirstMillis = 1_767_668_128_000;
    private static readonly DateTime Now = new(2026, 1, 6, 3, 0, 0, DateTimeKind.Utc);

    private readonly string _folder = Directory.CreateTempSubdirectory("sparkvideo-retention-").FullName;

    [Fact]
    public void Over_the_size_cap_the_oldest_frames_go_first_until_the_rest_fit()
    {
        var frames = WriteFrames(50);

        var sweep = FrameFolderSweep.Run(_folder, new RetentionPolicy(null, 30 * FrameBytes), Now);

        Assert.Equal(new FolderSweep(30, 30 * FrameBytes, 20), sweep);
        Assert.Equal(frames[20..], FrameNamesLeft());
    }

    [Fact]
    public void Frames_older_than_the_age_limit_go_and_younger_ones_stay()
    {
        var frames = WriteFrames(60, writtenAt: i => Now.AddMinutes(-60 + i)); // frame i is 60 - i minutes old

        var sweep = FrameFolderSweep.Run(_folder, new RetentionPolicy(TimeSpan.FromMinutes(30), null), Now);

        Assert.Equal(30, sweep.Deleted); // frame 30, exactly 30 minutes old, is the first kept (not older than the limit)
        Assert.Equal(frames[30..], FrameNamesLeft());
    }

    [Fact]
    public void The_newest_frames_of_a_folder_are_kept_whatever_the_limits()
    {
        var frames = WriteFrames(RetentionPolicy.AlwaysKeptPerFolder + 5, writtenAt: _ => Now.AddDays(-1));

        var sweep = FrameFolderSweep.Run(_folder, new RetentionPolicy(TimeSpan.FromMinutes(1), 1), Now);

        Assert.Equal(5, sweep.Deleted);
        Assert.Equal(frames[5..], FrameNamesLeft());
    }

    [Fact]
    public void Nothing_but_frame_files_the_job_could_have_written_is_ever_counted_or_deleted()
    {
        WriteFrames(RetentionPolicy.AlwaysKeptPerFolder + 10, writtenAt: _ => Now.AddDays(-1));
        string[] others = ["rejects.log", "rejects.log.1", "notes.txt", ".frame_1767668128000.0123abcd.tmp", "frame_1767668128000.jpg.bak",
            "frame_x.jpg", "frame_-5.jpg", "frame_1767668128000_.jpg", "Frame_1767668128000.jpg", "frame_1767668128000.JPG"];
        foreach (var name in others)
        {
            File.WriteAllBytes(Path.Combine(_folder, name), new byte[FrameBytes * 100]);
        }
        var camera = Directory.CreateDirectory(Path.Combine(_folder, "north")).FullName;
        File.WriteAllBytes(Path.Combine(camera, "frame_1767668000000.jpg"), new byte[FrameBytes]);
        File.CreateSymbolicLink(Path.Combine(_folder, "frame_1767668000001.jpg"), Path.Combine(camera, "frame_1767668000000.jpg"));

        var sweep = FrameFolderSweep.Run(_folder, new RetentionPolicy(TimeSpan.FromMinutes(1), 1), Now);

        Assert.Equal(10, sweep.Deleted);
        Assert.Equal(RetentionPolicy.AlwaysKeptPerFolder * (long)FrameBytes, sweep.FrameBytes);
        Assert.All(others, name => Assert.True(File.Exists(Path.Combine(_folder, name)), name));
        Assert.True(File.Exists(Path.Combine(camera, "frame_1767668000000.jpg")));
        Assert.True(File.Exists(Path.Combine(_folder, "frame_1767668000001.jpg")), "the symbolic link was deleted");
    }

    [Fact]
    public void Frames_of_one_millisecond_go_in_the_order_the_writer_numbered_them()
    {
        foreach (var name in new[] { "frame_1767668128000_2.jpg", "frame_1767668128000.jpg", "frame_1767668128000_1.jpg", "frame_1767668128001.jpg" })
        {
            File.WriteAllBytes(Path.Combine(_folder, name), new byte[FrameBytes]);
        }
        var later = WriteFrames(RetentionPolicy.AlwaysKeptPerFolder, first: FirstMillis + 10);

        FrameFolderSweep.Run(_folder, new RetentionPolicy(null, (RetentionPolicy.AlwaysKeptPerFolder + 2) * FrameBytes), Now);

        Assert.Equal(["frame_1767668128000_2.jpg", "frame_1767668128001.jpg", .. later], FrameNamesLeft());
    }

    [Fact]
    public void Transparent_frames_are_swept_like_jpeg_frames()
    {
        // --background transparent writes frame_<ms>.png: about three times a JPEG, so retention matters most there.
        var frames = WriteFrames(50, extension: OutputLayout.TransparentFrameExtension);

        var sweep = FrameFolderSweep.Run(_folder, new RetentionPolicy(null, 30 * FrameBytes), Now);

        Assert.Equal(new FolderSweep(30, 30 * FrameBytes, 20), sweep);
        Assert.Equal(frames[20..], FrameNamesLeft());
    }

    [Fact]
    public void A_folder_that_does_not_exist_yet_is_empty()
    {
        Assert.Equal(new FolderSweep(0, 0, 0), FrameFolderSweep.Run(Path.Combine(_folder, "later"), new RetentionPolicy(null, 1), Now));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Frames one millisecond apart, oldest first, each <see cref="FrameBytes"/> long; returns their names in that order.</summary>
    private string[] WriteFrames(int count, Func<int, DateTime>? writtenAt = null, long first = FirstMillis, string extension = OutputLayout.FrameExtension)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = OutputLayout.FrameFileName(first + i, 0, extension);
            var path = Path.Combine(_folder, names[i]);
            File.WriteAllBytes(path, new byte[FrameBytes]);
            File.SetLastWriteTimeUtc(path, writtenAt?.Invoke(i) ?? Now);
        }
        return names;
    }

    private string[] FrameNamesLeft() =>
        [.. Directory.GetFiles(_folder, OutputLayout.FrameFilePattern).Select(Path.GetFileName)
            .Where(name => OutputLayout.TryParseFrameFileName(name!, out _) && !name!.StartsWith("frame_17676680000", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)!];
}
