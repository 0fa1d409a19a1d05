using System.Globalization;
using SparkVideo.ChildProcesses;
using SparkVideo.Testing;

namespace SparkVideo.Job.Tests;

/// <summary>
/// A running job reuses its memory from frame to frame: each frame's line and its base64 field are strings of
/// 100-130 KB (25-33 pages each, the sample video's lines), and on the large object heap (85,000 bytes and up by default) they took fresh
/// pages frame after frame: 20-32 page faults a frame here before SparkJob's LOHThreshold, 5-8 after (37 and 0 in the
/// Release build at 10 FPS). The limit is a quarter of the two strings' pages. Linux only: it reads the job's minor
/// page faults from /proc.
/// </summary>
public sealed class FreshMemoryPerFrameTests
{
    private const int WarmUpFrames = 120;
    private const int MeasuredFrames = 150;
    private const double MaxFaultsPerFrame = 15;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void A_running_job_takes_no_fresh_pages_for_each_frame()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        // A steady rate the job keeps up with, as a camera sends: no backlog of lines held in memory.
        string frames = (WarmUpFrames + MeasuredFrames + 20).ToString(CultureInfo.InvariantCulture);
        using var camera = CameraServerProcess.Start("--source", RepoPaths.PeopleWalkingVideo, "--loop", "--fps", "25", "--max-frames", frames);
        // The one pass, the capacity setting: with the people path the same run read 0.4 faults a frame before the
        // threshold too, so it could not tell.
        using var job = JobProcess.Start(camera.Port, null, "--parallelism", "1", "--segmentation", "frame");

        job.WaitForFrames(WarmUpFrames, Timeout);
        (long faults, int written) before = (Faults(job), job.FrameFiles().Length);
        job.WaitForFrames(before.written + MeasuredFrames, Timeout);
        (long faults, int written) after = (Faults(job), job.FrameFiles().Length);

        double perFrame = (after.faults - before.faults) / (double)(after.written - before.written);
        Assert.True(perFrame <= MaxFaultsPerFrame,
            $"the job took {perFrame:0.0} fresh pages a frame over {after.written - before.written} frames (at most {MaxFaultsPerFrame})");
    }

    private static long Faults(JobProcess job) =>
        ProcessStat.MinorFaults(job.Process.Id) ?? throw new InvalidOperationException("cannot read the job's page faults from /proc");
}
