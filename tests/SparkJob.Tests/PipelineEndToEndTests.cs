using System.Globalization;
using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.Testing;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Job.Tests;

/// <summary>
/// The whole pipeline as a user runs it: the camera server on the sample video and the job on the embedded
/// engine, two real processes on loopback, with a proxy between them that injects a malformed line.
/// </summary>
public sealed class PipelineEndToEndTests
{
    private const int Frames = 24;
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void Every_frame_becomes_one_gray_background_file_listed_once_and_the_malformed_line_is_counted()
    {
        // --fps 0: as fast as the job reads, never dropping, so output frame i is video frame i.
        using var camera = CameraServerProcess.Start("--source", RepoPaths.PeopleWalkingVideo, "--fps", "0", "--max-frames", Frames.ToString(CultureInfo.InvariantCulture));
        const string malformed = "{\"timestamp\": 1767668128.5, \"frame_width\": 640, \"frame_he";
        using var proxy = new LineInjectingProxy(camera.Port, new Dictionary<int, string> { [5] = malformed });
        // --num-rows above the frame count: Spark's default of 20 would cut a large batch short.
        // --host localhost: the job's own default, as a user runs it (JobProcess would otherwise pass 127.0.0.1).
        using var job = JobProcess.Start(proxy.Port, null, "--host", "localhost", "--parallelism", "2", "--num-rows", "1000");

        var files = job.WaitForFrames(Frames, ProcessingTimeout);
        job.WaitForConsoleRows(Frames, TimeSpan.FromSeconds(30));
        job.Process.WaitForStderrLine(line => line.StartsWith("Rejected frame", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(0, job.Stop(interrupt: true));

        // Exactly one file per frame, no temporary leftovers.
        Assert.Equal(Frames, files.Length);
        Assert.Equal(files.Order(), Directory.GetFiles(job.OutputDirectory).Where(f => !f.EndsWith("rejects.log", StringComparison.Ordinal)).Order());

        // Every file is listed exactly once in the console batches, and nothing else is.
        var rows = job.ConsoleRows();
        Assert.Equal(Frames, rows.Count);
        Assert.Equal(
            files.Select(f => "output_frames/" + Path.GetFileName(f)).Order(),
            rows.Select(r => r.OutputPath).Order());
        Assert.Contains(job.Process.StdoutLines, line => line == "Batch: 0");

        // The malformed line is counted with its reason, not fatal.
        var reject = Assert.Single(File.ReadAllLines(job.RejectsLog));
        Assert.Contains("malformed record", reject);

        AssertGrayBackgroundWhereTheModelSeesNoPerson(files);
    }

    private static void AssertGrayBackgroundWhereTheModelSeesNoPerson(string[] files)
    {
        var ordered = files.OrderBy(FrameMillis).ToArray();
        var segmenter = SharedSegmenter.Get(new SegmenterOptions());
        using var video = new VideoCapture(RepoPaths.PeopleWalkingVideo);
        using var input = new Mat();
        using var resized = new Mat();
        using var mask = new Mat();
        using var frameMask = new Mat();
        for (var i = 0; i < ordered.Length; i++)
        {
            Assert.True(video.Read(input) && !input.Empty(), $"video frame {i} missing");
            using var output = Cv2.ImRead(ordered[i]);
            Assert.Equal(new Size(640, 480), output.Size());
            if (i % 6 != 0)
            {
                continue; // a sample of frames keeps the test fast; every one was size-checked above
            }
            Cv2.Resize(input, resized, new Size(640, 480));
            segmenter.Segment(resized, mask);
            Cv2.Resize(mask, frameMask, resized.Size(), 0, 0, InterpolationFlags.Linear); // the probability at frame size
            var (background, gray) = CountGrayBackground(output, frameMask);
            Assert.True(background > 640 * 480 / 2, $"frame {i}: the model should see mostly background in a street scene");
            Assert.True(gray >= background * 0.98, $"frame {i}: only {gray} of {background} background pixels are gray in {ordered[i]}");
        }
    }

    /// <summary>Pixels the model is sure are background, and how many of those are (192,192,192) within JPEG noise.</summary>
    private static (int Background, int Gray) CountGrayBackground(Mat output, Mat frameMask)
    {
        using var background = new Mat();
        Cv2.Compare(frameMask, new Scalar(0.05), background, CmpTypes.LT);
        using var gray = new Mat();
        Cv2.InRange(output, new Scalar(180, 180, 180), new Scalar(204, 204, 204), gray);
        using var grayBackground = new Mat();
        Cv2.BitwiseAnd(background, gray, grayBackground);
        return (Cv2.CountNonZero(background), Cv2.CountNonZero(grayBackground));
    }

    private static long FrameMillis(string path) =>
        long.Parse(Path.GetFileNameWithoutExtension(path)["frame_".Length..].Split('_')[0], CultureInfo.InvariantCulture);
}
