using System.Globalization;
using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.Testing;
using Xunit.Abstractions;

namespace FramesToVideo.Tests;

/// <summary>
/// The real tool as a process on real frames (the sample video's, encoded as the camera server sends them, named
/// as the job names its output), the video read back with OpenCV: how many frames, their size, their order, the rate.
/// </summary>
public sealed class FramesToVideoTests(ITestOutputHelper output) : IDisposable
{
    private const long FirstCaptureMs = 1_767_668_128_000;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    // Every third frame of the sample video (10 FPS): far enough apart that each video frame has one unambiguous source.
    private static readonly Lazy<IReadOnlyList<byte[]>> SampleFrames =
        new(() => [.. VideoJpegs.Encode(RepoPaths.PeopleWalkingVideo, 640, 480, 60).Where((_, i) => i % 3 == 0)]);

    private readonly string _root = Directory.CreateTempSubdirectory("sparkvideo-frames-to-video-").FullName;

    [Fact]
    public void A_folder_of_frames_becomes_an_mp4_in_capture_order_at_the_cameras_rate()
    {
        var frames = Directory.CreateDirectory(Path.Combine(_root, "output_frames")).FullName;
        var names = WriteFrames(frames, SampleFrames.Value, gapMs: 100);

        var (exitCode, lines) = Run("--input", frames, "--output-dir", _root);

        Assert.Equal(0, exitCode);
        Assert.Contains(lines, l => l.StartsWith("output_frames: 20 frames, 640x480 at 10 FPS (from the capture times)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "output_frames: 10/20 frames");
        using var video = new VideoCapture(Path.Combine(_root, "output_frames.mp4"));
        Assert.True(video.IsOpened());
        Assert.Equal(10.0, video.Fps, 1);
        Assert.Contains(Codec(video), new[] { "mp4v", "FMP4" }); // MPEG-4 Part 2: FFmpeg's decoder reports FMP4
        var order = SourceOrder(video, names.Select(n => SampleFrames.Value[n.Index]).ToArray());
        Assert.Equal(Enumerable.Range(0, names.Count), order);
    }

    [Fact]
    public void Frames_in_the_same_millisecond_keep_their_order_and_the_rate_comes_from_the_median_gap()
    {
        var frames = Directory.CreateDirectory(Path.Combine(_root, "door")).FullName;
        var jpegs = SampleFrames.Value.Take(8).ToArray();
        // 40 ms apart (25 FPS), frame 3 in frame 2's millisecond (frame_<ms>_1.jpg), and one long pause after frame 5.
        long[] times = [0, 40, 80, 80, 120, 160, 2160, 2200];
        for (var i = 0; i < jpegs.Length; i++)
        {
            var ms = (FirstCaptureMs + times[i]).ToString(CultureInfo.InvariantCulture);
            File.WriteAllBytes(Path.Combine(frames, i == 3 ? $"frame_{ms}_1.jpg" : $"frame_{ms}.jpg"), jpegs[i]);
        }

        var (exitCode, lines) = Run("--input", frames, "--output-dir", _root, "--format", "avi");

        Assert.Equal(0, exitCode);
        Assert.Contains(lines, l => l.StartsWith("door: 8 frames, 640x480 at 25 FPS (from the capture times)", StringComparison.Ordinal));
        using var video = new VideoCapture(Path.Combine(_root, "door.avi"));
        Assert.Equal("MJPG", Codec(video));
        Assert.Equal(25.0, video.Fps, 1);
        Assert.Equal(Enumerable.Range(0, 8), SourceOrder(video, jpegs));
    }

    [Fact]
    public void A_multi_camera_run_gives_one_video_per_camera_and_transparent_frames_are_laid_on_gray()
    {
        var run = Directory.CreateDirectory(Path.Combine(_root, "output_frames")).FullName;
        WriteFrames(Directory.CreateDirectory(Path.Combine(run, "cam1")).FullName, SampleFrames.Value.Take(6).ToArray(), gapMs: 100);
        var transparent = SampleFrames.Value.Take(4).Select(TransparentLeftHalf).ToArray();
        WriteFrames(Directory.CreateDirectory(Path.Combine(run, "cam2")).FullName, transparent, gapMs: 200, extension: ".png");
        File.WriteAllText(Path.Combine(run, "rejects.log"), "");

        var (exitCode, lines) = Run("--input", run, "--output-dir", Path.Combine(_root, "videos"), "--fps", "5");

        Assert.Equal(0, exitCode);
        Assert.Contains(lines, l => l.StartsWith("cam1: 6 frames, 640x480 at 5 FPS (given)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cam2: 4 frames, 640x480 at 5 FPS (given)", StringComparison.Ordinal));
        using var second = new VideoCapture(Path.Combine(_root, "videos", "cam2.mp4"));
        Assert.Equal(4, CountFrames(second, out var last));
        using (last)
        {
            var left = last.At<Vec3b>(240, 100);
            Assert.All(new[] { left.Item0, left.Item1, left.Item2 }, level => Assert.InRange(level, 180, 204));
        }
        using var first = new VideoCapture(Path.Combine(_root, "videos", "cam1.mp4"));
        Assert.Equal(6, CountFrames(first, out var unused));
        unused.Dispose();
    }

    [Fact]
    public void An_empty_folder_is_one_error_line_and_exit_code_1()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "rejects.log"), "");

        var (exitCode, _, stderr) = RunWithStderr("--input", empty, "--output-dir", _root);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr);
        Assert.Equal($"error: no frames (frame_<ms>.jpg or .png) in '{empty}' or its camera folders", line);
        Assert.Empty(Directory.GetFiles(_root, "*.mp4"));
    }

    [Fact]
    public void A_folder_whose_frames_do_not_decode_is_one_error_line_and_exit_code_1()
    {
        var broken = Directory.CreateDirectory(Path.Combine(_root, "broken")).FullName;
        File.WriteAllText(Path.Combine(broken, $"frame_{FirstCaptureMs}.jpg"), "not a JPEG");
        File.WriteAllBytes(Path.Combine(broken, $"frame_{FirstCaptureMs + 100}.jpg"), SampleFrames.Value[0][..100]);

        var (exitCode, _, stderr) = RunWithStderr("--input", broken, "--output-dir", _root);

        Assert.Equal(1, exitCode);
        Assert.Equal($"error: none of the 2 frames in '{broken}' can be decoded", Assert.Single(stderr));
    }

    [Fact]
    public void A_missing_folder_is_a_usage_error()
    {
        var (exitCode, _, stderr) = RunWithStderr("--input", Path.Combine(_root, "nowhere"));

        Assert.Equal(2, exitCode);
        Assert.Equal("error: --input must be an existing folder (see --help)", Assert.Single(stderr));
    }

    private static List<(string Name, int Index)> WriteFrames(string folder, IReadOnlyList<byte[]> images, long gapMs, string extension = ".jpg")
    {
        // Written newest first, so the directory's own order is not the capture order.
        var names = images.Select((_, i) => (Name: $"frame_{(FirstCaptureMs + (i * gapMs)).ToString(CultureInfo.InvariantCulture)}{extension}", Index: i)).ToList();
        foreach (var (name, index) in Enumerable.Reverse(names))
        {
            File.WriteAllBytes(Path.Combine(folder, name), images[index]);
        }
        return names;
    }

    /// <summary>A frame as the transparent mode writes it: a BGRA PNG, here with its left half fully transparent.</summary>
    private static byte[] TransparentLeftHalf(byte[] jpeg)
    {
        using var bgr = Cv2.ImDecode(jpeg, ImreadModes.Color);
        using var bgra = bgr.CvtColor(ColorConversionCodes.BGR2BGRA);
        using var alpha = new Mat(bgr.Size(), MatType.CV_8UC1, Scalar.All(255));
        using (var left = new Mat(alpha, new Rect(0, 0, bgr.Width / 2, bgr.Height)))
        {
            left.SetTo(Scalar.All(0));
        }
        Cv2.InsertChannel(alpha, bgra, 3);
        Cv2.ImEncode(".png", bgra, out var png);
        return png;
    }

    /// <summary>For each frame of the video, the index of the source image it is closest to.</summary>
    private List<int> SourceOrder(VideoCapture video, IReadOnlyList<byte[]> sources)
    {
        var decoded = sources.Select(jpeg => Cv2.ImDecode(jpeg, ImreadModes.Color)).ToArray();
        try
        {
            var order = new List<int>();
            using var frame = new Mat();
            while (video.Read(frame) && !frame.Empty())
            {
                Assert.Equal(new Size(640, 480), frame.Size());
                var distances = decoded.Select(source => Cv2.Norm(frame, source, NormTypes.L1) / frame.Total()).ToArray();
                order.Add(Array.IndexOf(distances, distances.Min()));
            }
            output.WriteLine($"video frames matched to sources: {string.Join(",", order)}");
            return order;
        }
        finally
        {
            foreach (var image in decoded)
            {
                image.Dispose();
            }
        }
    }

    /// <summary>The video's codec as its four characters, e.g. mp4v or MJPG.</summary>
    private static string Codec(VideoCapture video)
    {
        var code = (int)video.Get(VideoCaptureProperties.FourCC);
        return string.Concat(Enumerable.Range(0, 4).Select(i => (char)((code >> (8 * i)) & 0xFF)));
    }

    private static int CountFrames(VideoCapture video, out Mat last)
    {
        last = new Mat();
        var count = 0;
        using var frame = new Mat();
        while (video.Read(frame) && !frame.Empty())
        {
            frame.CopyTo(last);
            count++;
        }
        return count;
    }

    private (int ExitCode, IReadOnlyList<string> Stdout) Run(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = RunWithStderr(arguments);
        Assert.True(exitCode == 0, $"exit {exitCode}: {string.Join("\n", stderr)}");
        return (exitCode, stdout);
    }

    private (int ExitCode, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr) RunWithStderr(params string[] arguments)
    {
        using var tool = ChildProcess.StartProgram("FramesToVideo", arguments);
        var exitCode = tool.WaitForExit(ToolTimeout);
        output.WriteLine(tool.DescribeOutput());
        return (exitCode, tool.StdoutLines, tool.StderrLines);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
