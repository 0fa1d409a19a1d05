using SparkVideo.Frames;

namespace SparkVideo.Processing.Rejects;

/// <summary>
/// The filter UDF: keeps rows that from_json parsed into a frame and records why the others are not frames. The
/// reason comes from from_json's own result (its fields and its corrupt-record column), never from parsing the
/// line again, so a line is parsed once and judged by one set of rules: Spark's.
/// </summary>
public static class RejectedLines
{
    /// <summary>The reason for a line that from_json could not read with the frame schema (Spark's malformed record).</summary>
    public const string MalformedRecord = "malformed record: not JSON, not a JSON object, or a field of the wrong type";

    /// <summary>The reason for a JSON object whose fields all fit but that has no frame data.</summary>
    public const string NoFrameData = $"field '{FrameContract.FrameData}' is missing or null";

    public static bool KeepIfFrame(string? frameData, string? corruptRecord, string? line, ProcessingSettings settings)
    {
        if (frameData is not null)
        {
            // A number of the wrong type also makes a corrupt record; the background-removal UDF names that field.
            return true;
        }
        string reason = string.IsNullOrWhiteSpace(line) ? "empty line"
            : corruptRecord is not null ? MalformedRecord
            : NoFrameData;
        RejectLog.Record(settings, null, reason, line);
        return false;
    }
}
