using SparkVideo.Frames;
using SparkVideo.Vision;

namespace SparkVideo.Job.Processing;

/// <summary>
/// The background-removal UDF body: validate every field, remove the background, save the frame, return its
/// path. An invalid frame is rejected (counted, logged) and yields null; a failure to write fails the query.
/// </summary>
public static class FrameProcessor
{
    public static string? Process(string? frameData, double timestamp, int width, int height, ProcessingSettings settings)
    {
        if (!FrameValidator.Default.TryValidate(timestamp, width, height, frameData, DateTimeOffset.UtcNow, out var jpeg, out var error))
        {
            RejectLog.Record(settings, timestamp, error!, null);
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
