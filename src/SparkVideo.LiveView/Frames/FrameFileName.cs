using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.LiveView.Frames;

/// <summary>The job's output names, <c>frame_&lt;epoch ms&gt;.jpg</c> or <c>frame_&lt;ms&gt;_&lt;n&gt;.jpg</c>: the capture time is in the name.</summary>
public static partial class FrameFileName
{
    public static bool TryParseCaptureMs(string fileName, out long captureUnixMs)
    {
        var match = Pattern().Match(fileName);
        captureUnixMs = 0;
        return match.Success && long.TryParse(match.Groups["ms"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out captureUnixMs);
    }

    [GeneratedRegex(@"^frame_(?<ms>\d{1,18})(?:_\d{1,9})?\.jpg$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
