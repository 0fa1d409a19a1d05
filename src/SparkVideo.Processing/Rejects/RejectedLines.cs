using SparkVideo.Frames;

namespace SparkVideo.Processing.Rejects;

/// <summary>The filter UDF: keeps rows that from_json parsed into a frame, records why the others were not frames.</summary>
public static class RejectedLines
{
    public static bool KeepIfFrame(string? frameData, string? line, ProcessingSettings settings)
    {
        if (frameData is not null)
        {
            return true;
        }
        string reason;
        if (string.IsNullOrWhiteSpace(line))
        {
            reason = "empty line";
        }
        else if (!FrameCodec.TryParse(line, out var frame, out var error))
        {
            reason = error;
        }
        else
        {
            reason = $"from_json found no frame_data in a {frame.FrameWidth}x{frame.FrameHeight} frame";
        }
        RejectLog.Record(settings, null, reason, line);
        return false;
    }
}
