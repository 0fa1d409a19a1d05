using System.CommandLine;
using static SparkVideo.CommandLine.CommandOptions;

namespace SparkVideo.Demo.Runs;

/// <summary>The demo's options for its run folders, disk use and console (<see cref="DemoRunOptions"/>).</summary>
internal static class DemoRunCommandLine
{
    private static readonly Option<int> ShowBatches = WithDefault(
        "--show-batches",
        "Show every Nth batch table of the job (1 = every batch, as the job prints them; the [stats] line is always shown).",
        DemoRunOptions.DefaultShowBatches).Between(1, 1_000_000);

    private static readonly Option<bool> Continue = new("--continue")
    {
        Description = "Keep the earlier run's frames and checkpoint and go on from its last batch (default: delete them and start clean).",
    };

    private static readonly Option<double> RetainGiB = WithDefault(
        "--retain-gib",
        "Frames kept per camera folder, the oldest deleted first (the job's --retain-gib; 0 = keep everything).",
        DemoRunOptions.DefaultRetainGiB).Require(g => g is >= 0 and <= 1024 * 1024, "--retain-gib must be between 0 (off) and 1048576");

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(ShowBatches);
        root.Options.Add(Continue);
        root.Options.Add(RetainGiB);
    }

    public static DemoRunOptions Read(ParseResult result) =>
        new(result.GetValue(ShowBatches), result.GetValue(Continue), result.GetValue(RetainGiB));
}
