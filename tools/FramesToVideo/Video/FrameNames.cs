using System.Globalization;
using System.Text.RegularExpressions;

namespace SparkVideo.FramesToVideo;

/// <summary>The job's frame file names, <c>frame_&lt;epoch ms&gt;[_&lt;n&gt;].jpg|.png</c>: the one place this tool reads them.</summary>
public static partial class FrameNames
{
    public static bool TryParse(string fileName, out long captureMs, out int sequence)
    {
        var match = Pattern().Match(fileName);
        captureMs = 0;
        sequence = 0;
        return match.Success
            && long.TryParse(match.Groups["ms"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out captureMs)
            && (!match.Groups["n"].Success || int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out sequence));
    }

    [GeneratedRegex(@"^frame_(?<ms>\d{1,18})(?:_(?<n>\d{1,9}))?\.(?:jpg|png)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
