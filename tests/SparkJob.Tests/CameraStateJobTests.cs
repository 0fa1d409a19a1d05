using System.Globalization;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Processing;
using SparkVideo.Testing;

namespace SparkVideo.Job.Tests;

/// <summary>
/// The per-camera mask state through the real job: its output frames, byte for byte, against the same frames removed
/// in this process (the same model and code, each frame's state built as the rules say it must be).
/// </summary>
public sealed class CameraStateJobTests : IDisposable
{
    private const double Start = 1_767_668_128.0;
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(150);
    private static readonly IReadOnlyList<byte[]> Video = VideoJpegs.Encode(RepoPaths.PeopleWalkingVideo, 640, 480, maxFrames: 8, minFrames: 8);

    private readonly string _reference = Directory.CreateTempSubdirectory("sparkvideo-state-").FullName;

    [Fact]
    public void Two_cameras_interleaved_over_two_partitions_never_share_their_smoothing()
    {
        // "door" and "yard" hash to different partitions of two; their frames are a twentieth of a second apart.
        var door = Frames(Video.Take(4), [Start, Start + 0.1, Start + 0.2, Start + 0.3]);
        var yard = Frames(Video.Skip(4), [Start + 0.05, Start + 0.15, Start + 0.25, Start + 0.35]);
        using var doorServer = new FixedLinesServer(door.Select(Line));
        using var yardServer = new FixedLinesServer(yard.Select(Line));
        using var job = MultiCameraJob.Start([("door", doorServer.Port), ("yard", yardServer.Port)], "--smoothing", "0.5");

        job.WaitUntil(() => job.Frames("door").Length + job.Frames("yard").Length >= 8, () => "8 frames", ProcessingTimeout);

        var smoothed = Reference(door, "door", Settings(smoothing: 0.5f));
        var own = Reference(door, "door", Settings(smoothing: 0));
        foreach (var (name, bytes) in smoothed)
        {
            Assert.True(bytes.SequenceEqual(File.ReadAllBytes(Path.Combine(job.OutputDirectory, "door", name))), $"door's {name} differs from door smoothed alone");
        }
        Assert.True(smoothed.Skip(1).All(f => !f.Bytes.SequenceEqual(own.First(o => o.Name == f.Name).Bytes)), "smoothing should change every frame after the first");
    }

    [Fact]
    public void A_camera_whose_clock_goes_back_or_pauses_starts_its_smoothing_afresh()
    {
        double[] times = [Start, Start + 0.1, Start + 0.2, Start - 10, Start - 9.9, Start + 100];
        var frames = Frames(Video.Take(6), times);
        using var server = new FixedLinesServer(frames.Select(Line));
        using var job = JobProcess.Start(server.Port, null, "--smoothing", "0.5");

        job.WaitForFrames(6, ProcessingTimeout);

        var own = Reference(frames, null, Settings(smoothing: 0));
        var smoothed = own.Select(f => !f.Bytes.SequenceEqual(File.ReadAllBytes(Path.Combine(job.OutputDirectory, f.Name)))).ToList();
        // The first frame, the one whose timestamp went back and the one after a pause have their own mask; the others are smoothed.
        Assert.Equal([false, true, true, false, true, false], smoothed);
    }

    [Fact]
    public void Mask_reuse_counts_the_inferences_in_stats_and_stops_after_n_frames()
    {
        var still = Frames(Enumerable.Repeat(Video[0], 6), [.. Enumerable.Range(0, 6).Select(i => Start + (0.1 * i))]);
        using var server = new FixedLinesServer(still.Select(Line));
        using var job = JobProcess.Start(server.Port, null, "--mask-reuse", "2");

        job.WaitForFrames(6, ProcessingTimeout);
        Assert.Equal(0, job.Stop(interrupt: true));

        // Segmented, reused, reused, segmented, reused, reused.
        var stats = StatsLine.TryParse(job.Process.StdoutLines.Last(StatsLine.IsStatsLine))!;
        Assert.Equal(2, stats.Inferences);
        Assert.Equal(6, stats.Processed);
    }

    private static List<(double Timestamp, byte[] Jpeg)> Frames(IEnumerable<byte[]> jpegs, double[] timestamps) =>
        [.. jpegs.Select((jpeg, i) => (timestamps[i], jpeg))];

    private static string Line((double Timestamp, byte[] Jpeg) frame) =>
        FrameCodec.ToJson(FrameCodec.FromJpeg(frame.Timestamp, 640, 480, frame.Jpeg));

    private ProcessingSettings Settings(float smoothing) =>
        new JobOptions { OutputDir = Path.Combine(_reference, smoothing.ToString(CultureInfo.InvariantCulture)), Smoothing = smoothing }.ToProcessingSettings();

    /// <summary>The frames removed in this process, in order, with the settings the job had: each output's name and bytes.</summary>
    private static List<(string Name, byte[] Bytes)> Reference(List<(double Timestamp, byte[] Jpeg)> frames, string? camera, ProcessingSettings settings) =>
        [.. frames.Select(frame =>
        {
            var base64 = Convert.ToBase64String(frame.Jpeg);
            var path = camera is null
                ? FrameProcessor.Process(base64, frame.Timestamp, 640, 480, settings)
                : FrameProcessor.ProcessForCamera(camera, base64, frame.Timestamp, 640, 480, settings);
            var name = Path.GetFileName(path)!;
            return (name, File.ReadAllBytes(Path.Combine(settings.OutputDirFullPath, camera ?? "", name)));
        })];

    public void Dispose() => Directory.Delete(_reference, recursive: true);
}
