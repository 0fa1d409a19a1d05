using System.CommandLine;
using System.Globalization;
using SparkVideo.CommandLine;

namespace SparkVideo.FramesToVideo;

/// <summary>CLI: a folder of the job's output frames in, one video per camera out.</summary>
public static class FramesToVideoCommand
{
    public static RootCommand Create()
    {
        var input = new Option<DirectoryInfo>("--input", "-i")
        {
            Description = "The job's output folder (frame_<ms>.jpg or .png), one camera's folder, or a multi-camera run's folder with " +
                "one subfolder per camera.",
            Required = true,
        }.Require(d => d is null || d.Exists, "--input must be an existing folder");
        var output = CommandOptions.WithDefault(
            "--output-dir",
            "Where the videos go: <folder name>.mp4, one per camera (<camera>.mp4).",
            ".");
        var fps = new Option<double?>("--fps")
        {
            Description = "Frames per second of the video. Default: the camera's rate, from the capture times in the frame names.",
        }.Require(
            f => f is null or (> 0 and <= FrameRate.Max),
            $"--fps must be above 0 and at most {FrameRate.Max.ToString(CultureInfo.InvariantCulture)}");
        var format = CommandOptions.WithDefault(
            "--format",
            "Mp4 (mp4v; Motion JPEG AVI when this OpenCV build has no mp4v) or Avi (Motion JPEG).",
            VideoFormat.Mp4);

        var command = new RootCommand(
            "Turn the job's output frames into a video (one per camera), in capture-time order at the camera's rate.")
        {
            input, output, fps, format,
        };
        command.SetAction(result => Run(result.GetValue(input)!, result.GetValue(output)!, result.GetValue(fps), result.GetValue(format)));
        return command;
    }

    private static int Run(DirectoryInfo input, string outputDir, double? fps, VideoFormat format)
    {
        try
        {
            var videos = FrameFolders.Find(input.FullName);
            Directory.CreateDirectory(outputDir);
            var encoder = new VideoEncoder(Console.Out);
            foreach (var (name, frames) in videos)
            {
                var measured = FrameRate.FromCaptureTimes(frames);
                var rate = fps ?? measured ?? FrameRate.Fallback;
                var source = fps is not null ? "given"
                    : measured is not null ? "from the capture times"
                    : "default: the frames have no gaps to measure";
                var result = encoder.Write(name, frames, Path.Combine(outputDir, name), format, rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {result.Written} frames, {result.Size.Width}x{result.Size.Height} at {result.Fps:0.##} FPS ({source})"
                    + $" -> {Path.GetFullPath(result.Path)}"
                    + $" ({(result.Format == VideoFormat.Mp4 ? "MP4, mp4v" : "AVI, Motion JPEG")};"
                    + $" {result.Unreadable} unreadable frames skipped, {result.Resized} resized)"));
            }
            return ExitCodes.Success;
        }
        catch (FramesToVideoException e)
        {
            return ProgramCommandLine.RuntimeError(e.Message);
        }
    }
}
