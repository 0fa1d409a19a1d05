using System.Globalization;
using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.Testing;

namespace SparkVideo.Job.Tests;

/// <summary>A background mode other than the default through the real job, fed by the real camera server.</summary>
public sealed class BackgroundModeJobTests
{
    private const int Frames = 6;
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void A_transparent_background_writes_png_frames_with_alpha_and_lists_their_png_paths()
    {
        using var camera = CameraServerProcess.Start("--source", RepoPaths.PeopleWalkingVideo, "--fps", "0", "--max-frames", Frames.ToString(CultureInfo.InvariantCulture));
        using var job = JobProcess.Start(camera.Port, null, "--background", "transparent", "--edges", "guided", "--num-rows", "100");

        var files = job.WaitForFrames(Frames, ProcessingTimeout);
        var rows = job.WaitForConsoleRows(Frames, TimeSpan.FromSeconds(30));
        Assert.Equal(0, job.Stop(interrupt: true));

        Assert.All(files, file => Assert.EndsWith(".png", file, StringComparison.Ordinal));
        Assert.Equal(files.Select(f => "output_frames/" + Path.GetFileName(f)).Order(), rows.Select(r => r.OutputPath).Order());
        Assert.Empty(Directory.GetFiles(job.OutputDirectory, "*.jpg"));
        var mostOpaque = new List<double>();
        foreach (var file in files)
        {
            using var frame = Cv2.ImRead(file, ImreadModes.Unchanged);
            Assert.Equal(4, frame.Channels());
            Assert.Equal(new Size(640, 480), frame.Size());
            using var alpha = new Mat();
            Cv2.ExtractChannel(frame, alpha, 3);
            // A street scene: mostly background (alpha 0) and a few small, distant people the model is less sure of.
            Assert.True(Cv2.CountNonZero(alpha) < alpha.Total() / 2, $"{file}: most of a street should be transparent");
            alpha.MinMaxLoc(out double min, out double max);
            Assert.Equal(0, min);
            mostOpaque.Add(max);
        }
        Assert.Contains(mostOpaque, max => max >= 128);
    }
}
