using System.CommandLine;
using SparkVideo.Vision;

namespace SparkVideo.Soak;

/// <summary>The soak tool's command line.</summary>
public static class SoakCommand
{
    public static RootCommand Build()
    {
        var frames = new Option<int>("--frames") { Description = "Lines to send in all (valid frames plus bad lines).", DefaultValueFactory = _ => 10_000 };
        var badPercent = new Option<double>("--bad-percent") { Description = "Percentage of the lines that are bad, of varied kinds.", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "Seed that places and picks the bad lines.", DefaultValueFactory = _ => 42 };
        var fps = new Option<double>("--fps") { Description = "Frames per second to send; 0 = as fast as the job reads.", DefaultValueFactory = _ => 0.0 };
        var video = new Option<string?>("--video") { Description = "Video whose frames are streamed (default: samples/people_walking.mp4 of this repository)." };
        var jobDll = new Option<string?>("--job-dll") { Description = "SparkJob.dll to run (default: the one built next to this tool)." };
        var maxRssChange = new Option<double>("--max-rss-change-percent") { Description = "Largest accepted change between the first and last RSS windows.", DefaultValueFactory = _ => 10.0 };
        var stall = new Option<int>("--stall-timeout-seconds") { Description = "Fail when nothing is written or rejected for this long.", DefaultValueFactory = _ => 60 };
        var parallelism = new Option<int>("--parallelism") { Description = "The job's --parallelism.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var skipMemory = new Option<bool>("--skip-memory-check") { Description = "Report the job's RSS but do not judge it (for short smoke runs, which are mostly warm-up)." };
        var keep = new Option<bool>("--keep-output") { Description = "Keep the job's working directory (frames, rejects.log, checkpoint)." };

        Require(frames, f => f >= 1, "--frames must be at least 1");
        Require(badPercent, p => p is >= 0 and <= 100, "--bad-percent must be between 0 and 100");
        Require(fps, f => f >= 0, "--fps must be 0 or more");
        Require(maxRssChange, p => p > 0, "--max-rss-change-percent must be positive");
        Require(stall, s => s >= 1, "--stall-timeout-seconds must be at least 1");
        Require(parallelism, p => p is >= 1 and <= 1024, "--parallelism must be between 1 and 1024");

        var root = new RootCommand("Soak test: plays the camera server, streams frames of the sample video re-stamped with increasing timestamps and a share of bad lines into the real SparkVideo job, and checks frames in = files written + lines rejected, and that the job's memory stays flat. Exit 0 when both hold.")
        {
            frames, badPercent, seed, fps, video, jobDll, maxRssChange, skipMemory, stall, parallelism, keep,
        };
        root.SetAction(result =>
        {
            if (NativeRuntimes.Check() is { } missing)
            {
                Console.Error.WriteLine($"soak: error: {missing}");
                return 1;
            }
            var options = new SoakOptions
            {
                Frames = result.GetValue(frames),
                BadPercent = result.GetValue(badPercent),
                Seed = result.GetValue(seed),
                Fps = result.GetValue(fps),
                VideoPath = result.GetValue(video) ?? DefaultVideo(),
                JobDll = result.GetValue(jobDll) ?? Path.Combine(AppContext.BaseDirectory, "SparkJob.dll"),
                MaxRssChangePercent = result.GetValue(maxRssChange),
                SkipMemoryCheck = result.GetValue(skipMemory),
                StallTimeout = TimeSpan.FromSeconds(result.GetValue(stall)),
                Parallelism = result.GetValue(parallelism),
                KeepOutput = result.GetValue(keep),
            };
            try
            {
                return SoakRun.Execute(options);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or TimeoutException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"soak: error: {ex.Message}");
                return 1;
            }
        });
        return root;
    }

    /// <summary>samples/people_walking.mp4 of the repository this tool was built in (found by walking up to SparkVideo.sln).</summary>
    private static string DefaultVideo()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SparkVideo.sln")))
                {
                    return Path.Combine(dir.FullName, "samples", "people_walking.mp4");
                }
            }
        }
        return Path.Combine("samples", "people_walking.mp4");
    }

    private static void Require<T>(Option<T> option, Func<T, bool> isValid, string message) =>
        option.Validators.Add(result =>
        {
            if (!isValid(result.GetValueOrDefault<T>()))
            {
                result.AddError(message);
            }
        });
}
