using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.Demo.Display;

/// <summary>
/// The camera server's progress line (<c>Sent N frames (dropped M)</c>, every 10 frames: once a second at 10 FPS) shown
/// for every 100th frame only, so it does not bury the job's <c>[stats]</c> line; every other line passes.
/// </summary>
internal static partial class CameraProgressFilter
{
    public const int ShownEvery = 100;

    public static bool Shows(string line)
    {
        var progress = ProgressLine().Match(line);
        return !progress.Success || long.Parse(progress.Groups["sent"].Value, CultureInfo.InvariantCulture) % ShownEvery == 0;
    }

    [GeneratedRegex(@"^Sent (?<sent>\d+) frames \(dropped \d+\)$")]
    private static partial Regex ProgressLine();
}
