using SparkVideo.Processing.Rejects;

namespace SparkVideo.Processing;

/// <summary>
/// The UDF bodies the job registers, made from the settings alone. Each lambda is created in a method of its
/// own, so its compiler closure has exactly one field, the settings, and shares its scope with nothing else
/// the driver holds (a lambda's closure class carries every variable captured in its scope). Microsoft.Spark
/// serializes that closure to the workers; <c>tests/SparkWorker.Tests</c> checks it against the worker's rule.
/// </summary>
public static class FrameUdfs
{
    /// <summary>
    /// The filter: true for a row that from_json parsed into a frame; records why the others were not, from
    /// from_json's <c>frame_data</c> and <c>_corrupt_record</c> columns and the line (for the log's excerpt).
    /// </summary>
    public static Func<string?, string?, string?, bool> KeepIfFrame(ProcessingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (frameData, corruptRecord, line) => RejectedLines.KeepIfFrame(frameData, corruptRecord, line, settings);
    }

    /// <summary>The background removal: validates, segments, saves; returns the output path or null for a reject.</summary>
    public static Func<string?, double?, int?, int?, string?> RemoveBackground(ProcessingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (frameData, timestamp, width, height) => FrameProcessor.Process(frameData, timestamp, width, height, settings);
    }

    /// <summary>
    /// The background removal for one of several cameras: as <see cref="RemoveBackground"/>, but the frame goes to
    /// the camera's own folder (<c>output_frames/NAME/</c>). The name is a column argument, never captured.
    /// </summary>
    public static Func<string?, string?, double?, int?, int?, string?> RemoveBackgroundForCamera(ProcessingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (camera, frameData, timestamp, width, height) => FrameProcessor.ProcessForCamera(camera, frameData, timestamp, width, height, settings);
    }
}
