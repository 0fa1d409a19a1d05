using System.Globalization;
using SparkVideo.Frames.Output;

namespace SparkVideo.Processing.Rejects;

/// <summary>
/// Every rejected input is counted (exactly, in <see cref="PipelineStats"/>), echoed on stderr (rate-limited,
/// see <see cref="RejectEcho"/>) and appended to <c>rejects.log</c> next to the output frames with its reason and
/// a printable excerpt. The log rotates by size (<c>rejects.log.1</c>.. <c>.3</c>), so a flood of bad input
/// cannot fill the disk. Thread-safe; one log per process.
/// </summary>
public static class RejectLog
{
    /// <summary>rejects.log plus this many minus one rotated files share the size cap.</summary>
    public const int Files = 4;

    private static readonly object Gate = new();
    private static readonly RejectEcho Echo = new(Console.Error);
    private static RotatingLogFile? LogFile;

    public static void Record(ProcessingSettings settings, double? timestamp, string reason, string? excerpt)
    {
        PipelineStats.Instance.RecordRejected();
        var logged = RejectsLogLine.Now(timestamp, reason, PrintableExcerpt.Of(excerpt));
        Echo.Write(RejectEchoLines.Rejected(logged.Timestamp, reason));
        var line = logged.Format();
        lock (Gate)
        {
            Directory.CreateDirectory(settings.OutputDirFullPath); // an executor may not have it yet (see FrameFileWriter)
            if (LogFile is null || LogFile.Path != settings.RejectsLogPath || LogFile.TotalBytes != settings.RejectsLogMaxBytes)
            {
                LogFile = new RotatingLogFile(settings.RejectsLogPath, settings.RejectsLogMaxBytes, Files);
            }
            LogFile.Append(line);
        }
    }

    /// <summary>Prints the pending "... and N more rejected" echo line now (at shutdown, so no count is left unsaid).</summary>
    public static void FlushEcho() => Echo.Flush();
}
