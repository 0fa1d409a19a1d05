using SparkVideo.Frames;
using SparkVideo.Frames.Output;
using SparkVideo.Processing.Rejects;
using SparkVideo.Vision;
using SparkVideo.Vision.Temporal;

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
    public static string? Process(string? frameData, double? timestampOrNull, int? widthOrNull, int? heightOrNull, ProcessingSettings settings) =>
        Process(frameData, timestampOrNull, widthOrNull, heightOrNull, settings, camera: null);

    /// <summary>As <see cref="Process(string?, double?, int?, int?, ProcessingSettings)"/>, into the camera's own folder.</summary>
    public static string? ProcessForCamera(string? camera, string? frameData, double? timestampOrNull, int? widthOrNull, int? heightOrNull, ProcessingSettings settings)
    {
        if (!CameraName.IsValid(camera))
        {
            // The name reaches a path: a value that is not a valid name is never used as one.
            RejectLog.Record(settings, timestampOrNull, $"camera name is not {CameraName.Rule}", camera);
            return null;
        }
        return Process(frameData, timestampOrNull, widthOrNull, heightOrNull, settings, camera);
    }

    private static string? Process(string? frameData, double? timestampOrNull, int? widthOrNull, int? heightOrNull, ProcessingSettings settings, string? camera)
    {
        if (timestampOrNull is not { } timestamp || widthOrNull is not { } width || heightOrNull is not { } height)
        {
            var field = timestampOrNull is null ? FrameContract.Timestamp : widthOrNull is null ? FrameContract.FrameWidth : FrameContract.FrameHeight;
            RejectLog.Record(settings, timestampOrNull, $"field '{field}' is missing or not a number", null);
            return null;
        }
        if (!FrameValidator.Default.TryValidatePooled(timestamp, width, height, frameData, DateTimeOffset.UtcNow, out var jpeg, out var error))
        {
            RejectLog.Record(settings, timestamp, error, null);
            return null;
        }

        WorkerProcess.EnsureStarted(settings);
        var remover = RemoverCache.Get(settings);
        byte[] output;
        try
        {
            var origin = MaskOrigin.Segmented;
            output = CameraMaskStates.For(settings, camera) is { } state
                ? remover.RemoveForCamera(jpeg, state, timestamp, out origin)
                : remover.RemoveFromValidatedJpeg(jpeg);
            PipelineStats.Instance.RecordMask(origin);
        }
        catch (InvalidFrameException ex)
        {
            RejectLog.Record(settings, timestamp, ex.Message, null);
            return null;
        }
        finally
        {
            jpeg.Dispose();
        }

        var name = FrameFileWriter.Write(OutputLayout.CameraFolder(settings.OutputDirFullPath, camera), timestamp, output, remover.OutputExtension);
        PipelineStats.Instance.RecordProcessed(timestamp);
        return Path.Combine(OutputLayout.CameraFolder(settings.OutputDir, camera), name);
    }
}
