using SparkVideo.Frames;
using SparkVideo.Processing.Rejects;
using SparkVideo.Vision;

namespace SparkVideo.Processing;

/// <summary>
/// The background-removal UDF body: validate every field, remove the background, save the frame, return its
/// path. An invalid frame is rejected (counted, logged) and yields null; a failure to write fails the query.
/// </summary>
public static class FrameProcessor
{
    /// <remarks>
    /// The numbers are nullable because from_json turns a missing or mistyped field into null; the UDF must
    /// reject such a frame with that reason, not see a default 0.
    /// </remarks>
    public static string? Process(string? frameData, double? timestampOrNull, int? widthOrNull, int? heightOrNull, ProcessingSettings settings)
    {
        if (timestampOrNull is not { } timestamp || widthOrNull is not { } width || heightOrNull is not { } height)
        {
            var field = timestampOrNull is null ? FrameContract.Timestamp : widthOrNull is null ? FrameContract.FrameWidth : FrameContract.FrameHeight;
            RejectLog.Record(settings, timestampOrNull, $"field '{field}' is missing or not a number", null);
            return null;
        }
        if (!FrameValidator.Default.TryValidate(timestamp, width, height, frameData, DateTimeOffset.UtcNow, out var jpeg, out var error))
        {
            RejectLog.Record(settings, timestamp, error, null);
            return null;
        }

        byte[] output;
        try
        {
            output = RemoverCache.Get(settings).Remove(jpeg, width, height);
        }
        catch (InvalidFrameException ex)
        {
            RejectLog.Record(settings, timestamp, ex.Message, null);
            return null;
        }

        var name = FrameFileWriter.Write(settings.OutputDirFullPath, timestamp, output);
        PipelineStats.Instance.RecordProcessed(timestamp, settings.StatsIntervalSeconds);
        return Path.Combine(settings.OutputDir, name);
    }
}
