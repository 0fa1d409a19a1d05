using System.CommandLine;
using SparkVideo.ChildProcesses;
using SparkVideo.CommandLine;
using SparkVideo.Soak.Cameras;
using SparkVideo.Vision;
using static SparkVideo.CommandLine.CommandOptions;

namespace SparkVideo.Soak;

/// <summary>The soak tool's command line.</summary>
public static class SoakCommand
{
    public static RootCommand Build()
    {
        var frames = WithDefault(
            "--frames",
            "Lines to send in all (valid frames plus bad lines).",
            10_000).Require(f => f >= 1, "--frames must be at least 1");
        var badPercent = WithDefault(
            "--bad-percent",
            "Percentage of the lines that are bad, of varied kinds.",
            1.0).Require(p => p is >= 0 and <= 100, "--bad-percent must be between 0 and 100");
        var seed = WithDefault("--seed", "Seed that places and picks the bad lines.", 42);
        var fps = WithDefault(
            "--fps",
            "Frames per second to send; 0 = as fast as the job reads.",
            0.0).Require(f => f >= 0, "--fps must be 0 or more");
        var video = new Option<string?>("--video")
        {
            Description = "Video whose frames are streamed (default: samples/people_walking.mp4 of this repository).",
        };
        var jobDll = new Option<string?>("--job-dll") { Description = "SparkJob.dll to run (default: the one built next to this tool)." };
        var maxRssChange = WithDefault(
            "--max-rss-change-percent",
            "Largest accepted change between the first and last RSS windows.",
            10.0).Require(p => p > 0, "--max-rss-change-percent must be positive");
        var stall = WithDefault(
            "--stall-timeout-seconds",
            "Fail when nothing is written or rejected for this long.",
            60).Require(s => s >= 1, "--stall-timeout-seconds must be at least 1");
        var parallelism = WithDefault("--parallelism", "The job's --parallelism.", Environment.ProcessorCount).Between(1, 1024);
        var skipMemory = new Option<bool>("--skip-memory-check")
        {
            Description = "Report the job's RSS but do not judge it (for short smoke runs, which are mostly warm-up).",
        };
        var cameras = WithDefault(
            "--cameras",
            "Soak of many cameras instead of lines: this many replayed cameras at --fps (10 when not given) into one job, for --minutes, " +
                "with a table row every --report-every-seconds in --report-dir.",
            0).Between(0, 64);
        var minutes = WithDefault(
            "--minutes",
            "With --cameras: how long the cameras send.",
            60.0).Require(m => m is > 0 and <= 10_080, "--minutes must be more than 0 and at most 10080 (a week)");
        var reportEvery = WithDefault(
            "--report-every-seconds",
            "With --cameras: seconds between two rows of the table.",
            60).Require(s => s >= 1, "--report-every-seconds must be at least 1");
        var retainMinutes = new Option<double?>("--retain-minutes")
        {
            Description = "With --cameras: the job's --retain-minutes.",
        }.Require(m => m is null or > 0, "--retain-minutes must be positive");
        var retainGiB = new Option<double?>("--retain-gib")
        {
            Description = "With --cameras: the job's --retain-gib (per camera folder); disk use is checked against it.",
        }.Require(g => g is null or > 0, "--retain-gib must be positive");
        var reportDir = new Option<string?>("--report-dir")
        {
            Description = "With --cameras: the folder the table goes to (soak-cameras.md, soak-cameras.csv) [default: ./soak-report].",
        };
        var keep = new Option<bool>("--keep-output")
        {
            Description = "Keep the job's working directory (frames, rejects.log, checkpoint).",
        };

        var root = new RootCommand(
            "Soak test: plays the camera server, streams frames of the sample video re-stamped with increasing timestamps and a share of " +
                "bad lines into the real SparkVideo job, and checks frames in = files written + lines rejected, and that the job's " +
                "memory stays flat. Exit 0 when both hold. With --cameras: many replayed cameras for --minutes, a table of the job's " +
                "memory, fds, threads, frames and disk use every --report-every-seconds.")
        {
            frames, badPercent, seed, fps, video, jobDll, maxRssChange, skipMemory, stall, parallelism, keep,
            cameras, minutes, reportEvery, retainMinutes, retainGiB, reportDir,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(cameras) > 0 && result.GetResult(fps) is { Implicit: false } && result.GetValue(fps) == 0)
            {
                result.AddError("--fps must be more than 0 with --cameras (the cameras send on a schedule)");
            }
        });
        root.SetAction(result =>
        {
            if (NativeRuntimes.Check() is { } missing)
            {
                return ProgramCommandLine.RuntimeError(missing);
            }
            try
            {
                if (result.GetValue(cameras) is > 0 and var count)
                {
                    return CameraSoakRun.Execute(new CameraSoakOptions
                    {
                        Cameras = count,
                        Duration = TimeSpan.FromMinutes(result.GetValue(minutes)),
                        Fps = result.GetResult(fps) is { Implicit: false } ? result.GetValue(fps) : 10,
                        ReportEvery = TimeSpan.FromSeconds(result.GetValue(reportEvery)),
                        RetainMinutes = result.GetValue(retainMinutes),
                        RetainGiB = result.GetValue(retainGiB),
                        ReportDirectory = Path.GetFullPath(result.GetValue(reportDir) ?? "soak-report"),
                        VideoPath = result.GetValue(video) ?? RepoPaths.PeopleWalkingVideo,
                        JobDll = result.GetValue(jobDll) ?? SparkVideoProgram.Job.Dll,
                        Parallelism = result.GetValue(parallelism),
                        MaxChangePercent = result.GetValue(maxRssChange),
                        SkipFlatnessCheck = result.GetValue(skipMemory),
                        KeepOutput = result.GetValue(keep),
                    });
                }
                var options = new SoakOptions
                {
                    Frames = result.GetValue(frames),
                    BadPercent = result.GetValue(badPercent),
                    Seed = result.GetValue(seed),
                    Fps = result.GetValue(fps),
                    VideoPath = result.GetValue(video) ?? RepoPaths.PeopleWalkingVideo,
                    JobDll = result.GetValue(jobDll) ?? SparkVideoProgram.Job.Dll,
                    MaxRssChangePercent = result.GetValue(maxRssChange),
                    SkipMemoryCheck = result.GetValue(skipMemory),
                    StallTimeout = TimeSpan.FromSeconds(result.GetValue(stall)),
                    Parallelism = result.GetValue(parallelism),
                    KeepOutput = result.GetValue(keep),
                };
                return SoakRun.Execute(options);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or TimeoutException or UnauthorizedAccessException)
            {
                return ProgramCommandLine.RuntimeError(ex.Message);
            }
        });
        return root;
    }
}
