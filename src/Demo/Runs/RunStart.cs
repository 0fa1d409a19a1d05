using System.Globalization;
using SparkVideo.Frames.Output;

namespace SparkVideo.Demo.Runs;

/// <summary>
/// Each demo run starts clean, or says that it continues: an earlier run's frames never count towards this one's
/// --max-frames or "Done" line, nor end up in a video of this run.
/// </summary>
internal static class RunStart
{
    /// <summary>Clears (or, with --continue, keeps) what an earlier run left; returns the frames already there.</summary>
    public static int Prepare(DemoOptions options, DemoRunOptions run, string outputDir, string checkpointDir)
    {
        var inv = CultureInfo.InvariantCulture;
        var frames = EarlierRun.CountFrames(outputDir);
        var nextBatch = EarlierRun.NextBatch(checkpointDir);
        if (run.Continue)
        {
            Console.WriteLine(nextBatch is { } batch
                ? $"[demo] Continuing the earlier run (--continue): {Counted(frames, "frame")} in {options.OutputDir}, batches from {batch.ToString(inv)}."
                : $"[demo] --continue: no earlier run in {options.OutputDir}; starting a new one.");
            return frames;
        }
        if (frames > 0 || nextBatch is not null)
        {
            var deleted = EarlierRun.Clear(outputDir, checkpointDir);
            Console.WriteLine($"[demo] Starting clean: deleted the earlier run's {Counted(deleted, "frame")} in {options.OutputDir} and its checkpoint (--continue keeps them).");
        }
        return 0;
    }

    /// <summary>The retention the job is given, stated before it starts.</summary>
    /// <summary>The job's --retain-gib, or null (not passed) when 0 keeps everything.</summary>
    public static double? RetainGiB(DemoRunOptions run) => run.RetainGiB > 0 ? run.RetainGiB : null;

    /// <summary>"1 frame", "2 frames".</summary>
    public static string Counted(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    public static string CheckpointFor(DemoOptions options) =>
        options.Cameras == 1 ? options.CheckpointDir : OutputLayout.CheckpointFor(options.CheckpointDir, options.Cameras);
}
