using System.CommandLine;
using SparkVideo.CommandLine;
using SparkVideo.ChildProcesses;
using SparkVideo.Vision;
using static SparkVideo.CommandLine.CommandOptions;

namespace SparkVideo.Soak;

/// <summary>The soak tool's command line.</summary>
public static class SoakCommand
{
    public static RootCommand Build()
    {
        var frames = WithDefault("--frames", "Lines to send in all (valid frames plus bad lines).", 10_000).Require(f => f >= 1, "--frames must be at least 1");
        var badPercent = WithDefault("--bad-percent", "Percentage of the lines that are bad, of varied kinds.", 1.0).Require(p => p is >= 0 and <= 100, "--bad-percent must be between 0 and 100");
        var seed = WithDefault("--seed", "Seed that places and picks the bad lines.", 42);
        var fps = WithDefault("--fps", "Frames per second to send; 0 = as fast as the job reads.", 0.0).Require(f => f >= 0, "--fps must be 0 or more");
        var video = new Option<string?>("--video") { Description = "Video whose frames are streamed (default: samples/people_walking.mp4 of this repository)." };
        var jobDll = new Option<string?>("--job-dll") { Description = "SparkJob.dll to run (default: the one built next to this tool)." };
        var maxRssChange = WithDefault("--max-rss-change-percent", "Largest accepted change between the first and last RSS windows.", 10.0).Require(p => p > 0, "--max-rss-change-percent must be positive");
        var stall = WithDefault("--stall-timeout-seconds", "Fail when nothing is written or rejected for this long.", 60).Require(s => s >= 1, "--stall-timeout-seconds must be at least 1");
        var parallelism = WithDefault("--parallelism", "The job's --parallelism.", Environment.ProcessorCount).Between(1, 1024);
        var skipMemory = new Option<bool>("--skip-memory-check") { Description = "Report the job's RSS but do not judge it (for short smoke runs, which are mostly warm-up)." };
        var keep = new Option<bool>("--keep-output") { Description = "Keep the job's working directory (frames, rejects.log, checkpoint)." };

        var root = new RootCommand("Soak test: plays the camera server, streams frames of the sample video re-stamped with increasing timestamps and a share of bad lines into the real SparkVideo job, and checks frames in = files written + lines rejected, and that the job's memory stays flat. Exit 0 when both hold.")
        {
            frames, badPercent, seed, fps, video, jobDll, maxRssChange, skipMemory, stall, parallelism, keep,
        };
        root.SetAction(result =>
        {
            if (NativeRuntimes.Check() is { } missing)
            {
                return ProgramCommandLine.RuntimeError(missing);
            }
            try
            {
                var options = new SoakOptions
                {
                    Frames = result.GetValue(frames),
                    BadPercent = result.GetValue(badPercent),
                    Seed = result.GetValue(seed),
                    Fps = result.GetValue(fps),
                    VideoPath = result.GetValue(video) ?? RepoPaths.PeopleWalkingVideo,
                    JobDll = result.GetValue(jobDll) ?? RepoPaths.InOutputFolder("SparkJob.dll"),
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
